// The dashboard's texts, French first, English as an option (?lang=en, remembered in localStorage).
(function () {
  'use strict';
  const f = Alize.format;
  const period = (from, to) => from === to ? String(from) : from + '–' + to;
  Alize.define({
    skip: { fr: 'Aller au contenu', en: 'Skip to content' },
    nav: { fr: 'Navigation', en: 'Navigation' },
    title: { fr: 'Tableau de bord du programme', en: 'Programme dashboard' },
    reportLink: { fr: 'Rapport annuel', en: 'Annual report' },
    dashboardLink: { fr: 'Tableau de bord', en: 'Dashboard' },
    signOut: { fr: 'Se déconnecter', en: 'Sign out' },
    fromYear: { fr: 'De l\u2019année', en: 'From year' },
    toYear: { fr: 'à l\u2019année', en: 'to year' },
    show: { fr: 'Afficher', en: 'Show' },
    loading: { fr: 'Chargement…', en: 'Loading…' },
    signInTitle: { fr: 'Connexion', en: 'Sign in' },
    signInText: {
      fr: 'Cette page lit les chiffres d\u2019impact-service avec votre session. En production, la connexion passe par le '
        + 'fournisseur d\u2019identité de la CCI. En démonstration locale, ouvrez l\u2019adresse « dashboard » que le lanceur '
        + 'affiche (java -jar deploy/local/target/alize-local.jar run --demo) : elle porte un jeton que la page range '
        + 'dans la session de cet onglet et retire aussitôt de la barre d\u2019adresse.',
      en: 'This page reads impact-service\u2019s figures with your session. In production, you sign in with the CCI\u2019s '
        + 'identity provider. In the local demo, open the "dashboard" address the launcher prints (java -jar '
        + 'deploy/local/target/alize-local.jar run --demo): it carries a token that the page keeps in this tab\u2019s '
        + 'session and removes from the address bar at once.'
    },
    signedOut: { fr: 'Session terminée.', en: 'Signed out.' },
    expired: { fr: 'Votre session a expiré ou n\u2019est pas valable : reconnectez-vous.', en: 'Your session expired or is not valid: sign in again.' },
    headlineTitle: { fr: 'Le programme en chiffres', en: 'The programme in figures' },
    inPeriod: { fr: (a, b) => 'En ' + period(a, b) + ', ', en: (a, b) => 'In ' + period(a, b) + ', ' },
    companies: {
      fr: n => f.integer(n) + ' ' + (f.plural(n) === 'one' ? 'entreprise accompagnée' : 'entreprises accompagnées'),
      en: n => f.integer(n) + ' ' + (f.plural(n) === 'one' ? 'company supported' : 'companies supported')
    },
    created: {
      fr: n => f.integer(n) + ' ' + (f.plural(n) === 'one' ? 'emploi créé' : 'emplois créés'),
      en: n => f.integer(n) + ' ' + (f.plural(n) === 'one' ? 'job created' : 'jobs created')
    },
    preserved: {
      fr: n => f.integer(n) + ' ' + (f.plural(n) === 'one' ? 'préservé' : 'préservés'),
      en: n => f.integer(n) + ' preserved'
    },
    and: { fr: ' et ', en: ' and ' },
    missionsStartedLine: {
      fr: n => f.integer(n) + ' ' + (f.plural(n) === 'one' ? 'mission a débuté' : 'missions ont débuté') + ' sur la période.',
      en: n => f.integer(n) + ' ' + (f.plural(n) === 'one' ? 'mission started' : 'missions started') + ' in the period.'
    },
    targetsTitle: { fr: 'Objectif annuel', en: 'Yearly target' },
    targetLine: {
      fr: (year, n, target, share) => year + ' : ' + f.integer(n) + ' PME accompagnée' + (n > 1 ? 's' : '') + ' sur un objectif de '
        + f.integer(target) + ' (' + share + ')',
      en: (year, n, target, share) => year + ': ' + f.integer(n) + ' SME' + (n === 1 ? '' : 's') + ' supported of a target of '
        + f.integer(target) + ' (' + share + ')'
    },
    forecast: {
      fr: (n, onTrack) => ' ; prévision en fin d\u2019année : ' + f.integer(n) + (onTrack ? ', objectif tenu.' : ', en dessous de l\u2019objectif.'),
      en: (n, onTrack) => '; forecast at year end: ' + f.integer(n) + (onTrack ? ', on track.' : ', behind the target.')
    },
    targetMark: { fr: 'objectif', en: 'target' },
    chartTarget: {
      fr: (year, n, target) => year + ' : ' + n + ' PME accompagnées, objectif ' + target,
      en: (year, n, target) => year + ': ' + n + ' SMEs supported, target ' + target
    },
    jobsTitle: { fr: 'Emplois créés et préservés, par année', en: 'Jobs created and preserved, per year' },
    jobsChart: { fr: 'Emplois créés (barres pleines) et préservés (barres hachurées) par année', en: 'Jobs created (solid bars) and preserved (hatched bars) per year' },
    year: { fr: 'Année', en: 'Year' },
    jobsCreated: { fr: 'Emplois créés', en: 'Jobs created' },
    jobsPreserved: { fr: 'Emplois préservés', en: 'Jobs preserved' },
    total: { fr: 'Total', en: 'Total' },
    smesTitle: { fr: 'Entreprises accompagnées', en: 'Companies supported' },
    smesCaption: {
      fr: (a, b, n) => 'Entreprises dont au moins une mission a débuté en ' + period(a, b) + ' : ' + f.integer(n),
      en: (a, b, n) => 'Companies with at least one mission started in ' + period(a, b) + ': ' + f.integer(n)
    },
    company: { fr: 'Entreprise', en: 'Company' },
    commune: { fr: 'Commune', en: 'Commune' },
    nafSection: { fr: 'Section NAF', en: 'NAF section' },
    firstStart: { fr: 'Première mission', en: 'First mission' },
    missions: { fr: 'Missions', en: 'Missions' },
    reportsTitle: { fr: 'Déclarations d\u2019emplois', en: 'Job reports' },
    reportsCaption: {
      fr: (a, b, n) => 'Déclarations datées de ' + period(a, b) + ' : ' + f.integer(n),
      en: (a, b, n) => 'Reports dated in ' + period(a, b) + ': ' + f.integer(n)
    },
    date: { fr: 'Date', en: 'Date' },
    kind: { fr: 'Nature', en: 'Kind' },
    contract: { fr: 'Contrat', en: 'Contract' },
    jobs: { fr: 'Emplois', en: 'Jobs' },
    CREATED: { fr: 'créés', en: 'created' },
    PRESERVED: { fr: 'préservés', en: 'preserved' },
    CDI: { fr: 'CDI', en: 'Permanent (CDI)' },
    CDD: { fr: 'CDD', en: 'Fixed-term (CDD)' },
    APPRENTICESHIP: { fr: 'Apprentissage', en: 'Apprenticeship' },
    INTERIM: { fr: 'Intérim', en: 'Temporary work' },
    OTHER: { fr: 'Autre', en: 'Other' },
    UNKNOWN: { fr: 'Inconnu', en: 'Unknown' },
    breakdownsTitle: { fr: 'Répartition des emplois', en: 'Jobs breakdowns' },
    mapNote: {
      fr: 'Pas de carte des EPCI : le référentiel des communes livré avec Alize (Etalab, Licence Ouverte) donne le code '
        + 'de l\u2019EPCI de chaque commune mais aucun contour ni coordonnée ; les tableaux ci-dessous tiennent lieu de carte.',
      en: 'No map of the EPCIs: the communes reference shipped with Alize (Etalab, Open Licence) gives each commune\u2019s '
        + 'EPCI code but no outline or coordinates; the tables below stand in for a map.'
    },
    byEpci: { fr: 'Emplois par EPCI (intercommunalité)', en: 'Jobs per EPCI (intercommunality)' },
    byCommune: { fr: 'Emplois par commune', en: 'Jobs per commune' },
    byNafSection: { fr: 'Emplois par section NAF', en: 'Jobs per NAF section' },
    byContractType: { fr: 'Emplois par type de contrat', en: 'Jobs per contract type' },
    epci: { fr: 'EPCI', en: 'EPCI' },
    partnersTitle: { fr: 'Contributions des partenaires', en: 'Partner contributions' },
    partnersCaption: {
      fr: (a, b) => 'Jours de compétences donnés et promis, ' + period(a, b),
      en: (a, b) => 'Skill-days given and pledged, ' + period(a, b)
    },
    partnersChart: { fr: 'Jours donnés (barres pleines) face aux jours promis (cadres pointillés)', en: 'Days given (solid bars) against days pledged (dotted frames)' },
    partner: { fr: 'Partenaire', en: 'Partner' },
    hours: { fr: 'Heures', en: 'Hours' },
    skillDays: { fr: 'Jours de compétences', en: 'Skill-days' },
    pledgedDays: { fr: 'Jours promis', en: 'Days pledged' },
    pledgeShare: { fr: 'Part de la promesse', en: 'Share of pledge' },
    value: { fr: 'Valeur', en: 'Value' },
    days: { fr: 'Délai, en jours', en: 'Delay, in days' },
    dayCount: { fr: n => f.count(n, 'jour', 'jours'), en: n => f.count(n, 'day', 'days') },
    activityTitle: { fr: 'Missions et besoins', en: 'Missions and needs' },
    funnelCaption: {
      fr: (a, b) => 'Parcours des missions proposées en ' + period(a, b),
      en: (a, b) => 'How far the missions proposed in ' + period(a, b) + ' went'
    },
    stage: { fr: 'Étape', en: 'Stage' },
    PROPOSED: { fr: 'proposées', en: 'proposed' },
    ACCEPTED: { fr: 'acceptées par les trois parties', en: 'accepted by all three parties' },
    STARTED: { fr: 'commencées', en: 'started' },
    COMPLETED: { fr: 'terminées', en: 'completed' },
    DECLINED: { fr: 'refusées', en: 'declined' },
    CANCELLED: { fr: 'annulées', en: 'cancelled' },
    needsCaption: {
      fr: (a, b, n) => 'Besoins publiés en ' + period(a, b) + ', par catégorie : ' + f.integer(n),
      en: (a, b, n) => 'Needs published in ' + period(a, b) + ', per category: ' + f.integer(n)
    },
    category: { fr: 'Catégorie', en: 'Category' },
    needs: { fr: 'Besoins', en: 'Needs' },
    IT_REQUIREMENTS: { fr: 'Cahier des charges informatique', en: 'IT requirements' },
    ACCOUNTING: { fr: 'Comptabilité', en: 'Accounting' },
    CERTIFICATION: { fr: 'Certification', en: 'Certification' },
    REORGANISATION: { fr: 'Réorganisation', en: 'Reorganisation' },
    HR_RECRUITMENT: { fr: 'RH et recrutement', en: 'HR and recruitment' },
    QUALITY: { fr: 'Qualité', en: 'Quality' },
    EXPORT: { fr: 'Export', en: 'Export' },
    MARKETING: { fr: 'Marketing', en: 'Marketing' },
    FINANCE: { fr: 'Finance', en: 'Finance' },
    worklistTitle: { fr: 'À traiter', en: 'To do' },
    worklistCciOnly: { fr: 'La liste des tâches est réservée aux coordinateurs de la CCI (rôle cci).', en: 'The worklist is for the CCI\u2019s coordinators (role cci).' },
    committee: { fr: n => 'PME en attente du comité de sélection (' + n + ')', en: n => 'SMEs awaiting the selection committee (' + n + ')' },
    noProposal: { fr: (n, d) => 'Besoins publiés sans proposition depuis plus de ' + f.count(d, 'jour', 'jours') + ' (' + n + ')', en: (n, d) => 'Needs published with no proposal for more than ' + f.count(d, 'day', 'days') + ' (' + n + ')' },
    awaitingAcceptance: { fr: n => 'Propositions en attente d\u2019acceptation (' + n + ')', en: n => 'Proposals awaiting acceptance (' + n + ')' },
    noTime: { fr: (n, d) => 'Missions en cours sans temps saisi depuis plus de ' + f.count(d, 'jour', 'jours') + ' (' + n + ')', en: (n, d) => 'Running missions with no time logged for more than ' + f.count(d, 'day', 'days') + ' (' + n + ')' },
    appliedOn: { fr: 'Candidature', en: 'Applied on' },
    waiting: { fr: 'Attente', en: 'Waiting' },
    need: { fr: 'Besoin', en: 'Need' },
    openSince: { fr: 'Ouvert depuis', en: 'Open since' },
    waitingFor: { fr: 'En attente de', en: 'Waiting for' },
    proposedOn: { fr: 'Proposée le', en: 'Proposed on' },
    volunteer: { fr: 'Bénévole (id)', en: 'Volunteer (id)' },
    startDate: { fr: 'Début', en: 'Start' },
    lastTime: { fr: 'Dernier temps saisi', en: 'Last time logged' },
    none: { fr: 'aucun', en: 'none' },
    nothing: { fr: 'Rien en attente.', en: 'Nothing waiting.' },
    SME: { fr: 'la PME', en: 'the SME' },
    VOLUNTEER: { fr: 'le bénévole', en: 'the volunteer' },
    EMPLOYER: { fr: 'l\u2019employeur', en: 'the employer' },
    // annual report
    reportTitle: { fr: y => 'Rapport annuel ' + y, en: y => 'Annual report ' + y },
    reportYear: { fr: 'Année', en: 'Year' },
    reportAsOf: { fr: 'Chiffres arrêtés au', en: 'Figures as of' },
    print: { fr: 'Imprimer ou enregistrer en PDF', en: 'Print or save as PDF' },
    basis: {
      fr: (asOf, n, last) => 'Chiffres arrêtés au ' + asOf + ', calculés à partir de ' + f.integer(n) + ' événements'
        + (last ? ' (le dernier enregistré le ' + last + ')' : '') + '. Le même rapport, demandé à la même date, donne les mêmes chiffres.',
      en: (asOf, n, last) => 'Figures as of ' + asOf + ', computed from ' + f.integer(n) + ' events'
        + (last ? ' (the last recorded on ' + last + ')' : '') + '. The same report, asked as of the same date, gives the same figures.'
    },
    asOfNote: {
      fr: at => 'Chiffres arrêtés au ' + at + ' : seuls comptent les événements enregistrés à cette date.',
      en: at => 'Figures as of ' + at + ': only the events recorded by then count.'
    },
    figuresTitle: { fr: 'Les chiffres de l\u2019année', en: 'The year\u2019s figures' },
    figure: { fr: 'Indicateur', en: 'Figure' },
    figureValue: { fr: 'Valeur', en: 'Value' },
    supportedSmes: { fr: 'PME accompagnées', en: 'SMEs supported' },
    target: { fr: 'Objectif', en: 'Target' },
    missionsStarted: { fr: 'Missions commencées', en: 'Missions started' },
    contributionValue: { fr: 'Valeur des jours donnés', en: 'Value of the days given' },
    definitionsTitle: { fr: 'Définitions', en: 'Definitions' },
    defSupported: {
      fr: 'PME accompagnée (année A) : une PME dont au moins une mission a débuté en A (date de début de la mission). C\u2019est ce que compte l\u2019objectif annuel.',
      en: 'Supported SME (year Y): an SME with at least one mission started in Y (the mission\u2019s start date). This is what the yearly target counts.'
    },
    defJobs: {
      fr: 'Emplois créés / préservés : les emplois que la PME déclare avoir créés, ou conservés alors qu\u2019ils auraient été perdus, après le début de l\u2019accompagnement, comptés à la date de la déclaration ; chiffres bruts, déclarés, jamais estimés. Une déclaration renvoyée compte une fois, avec ses dernières valeurs.',
      en: 'Jobs created / preserved: jobs the SME reports as created, or as kept that would have been lost, after support began, counted at the report\u2019s date; gross figures, reported, never inferred. A report sent again counts once, with its latest values.'
    },
    defSkillDays: {
      fr: h => 'Jours de compétences : le temps saisi par les bénévoles, en jours de ' + f.decimal(h) + ' heures, au titre de l\u2019année de la saisie.',
      en: h => 'Skill-days: the time volunteers logged, in days of ' + f.decimal(h) + ' hours, in the year of the entry.'
    },
    defAsOf: {
      fr: 'Arrêté au : seuls les événements enregistrés à cette date comptent ; une déclaration tardive ne modifie pas un rapport déjà produit.',
      en: 'As of: only events recorded by that date count; a late report does not change a report already produced.'
    },
    reportSmesTitle: { fr: 'PME accompagnées', en: 'SMEs supported' }
  });
})();
