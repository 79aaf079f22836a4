package fr.alize.needs.sme;

/** French contract types of reported jobs. */
public enum ContractType {
    CDI, CDD, APPRENTICESHIP, INTERIM, OTHER
}
