package fr.alize.matching.ranking;

import fr.alize.programme.Communes;
import fr.alize.programme.Communes.Commune;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How close two communes are, for the proximity score: by the platform's commune reference ({@link Communes}),
 * 1 same commune, 0.75 same intercommunality (EPCI), 0.5 same arrondissement, 0.25 same département, else 0. A code
 * outside the reference still compares by département, taken from the code itself.
 */
public final class CommuneProximity {

    private final Communes communes;
    /** Each commune of the reference numbered from 0, with its EPCI, arrondissement and département numbered too. */
    private final Map<String, Integer> numbers = new HashMap<>();
    private final int[] epcis;
    private final int[] arrondissements;
    private final int[] departements;

    public CommuneProximity(Communes communes) {
        this.communes = communes;
        List<Commune> all = communes.all();
        epcis = new int[all.size()];
        arrondissements = new int[all.size()];
        departements = new int[all.size()];
        Map<String, Integer> names = new HashMap<>();
        for (Commune commune : all) {
            int n = numbers.size();
            numbers.put(commune.code(), n);
            epcis[n] = number(names, "epci:", commune.epci());
            arrondissements[n] = number(names, "arrondissement:", commune.arrondissement());
            departements[n] = number(names, "departement:", commune.departement());
        }
    }

    /** Proximity by the shipped Hauts-de-France reference. */
    public static CommuneProximity hautsDeFrance() {
        return new CommuneProximity(Communes.hautsDeFrance());
    }

    /** 0 for none, else the same number for the same value. */
    private static int number(Map<String, Integer> names, String kind, String value) {
        return value == null ? 0 : names.computeIfAbsent(kind + value, k -> names.size() + 1);
    }

    /** The number of a commune of the reference (see {@link #proximity(int, int)}), or -1 for a code outside it. */
    public int number(String code) {
        Integer n = code == null ? null : numbers.get(code);
        return n == null ? -1 : n;
    }

    /** The same as {@link #proximity(Commune, String)} for two communes of the reference, by their numbers. */
    public double proximity(int a, int b) {
        if (a == b) {
            return 1;
        }
        if (epcis[a] != 0 && epcis[a] == epcis[b]) {
            return 0.75;
        }
        if (arrondissements[a] != 0 && arrondissements[a] == arrondissements[b]) {
            return 0.5;
        }
        return departements[a] == departements[b] ? 0.25 : 0;
    }

    /** 1 same commune, 0.75 same EPCI, 0.5 same arrondissement, 0.25 same département, else 0 (or unknown). */
    public double proximity(String a, String b) {
        return proximity(place(a), b);
    }

    /** The same, with the first commune already looked up (see {@link #place}). */
    public double proximity(Commune a, String b) {
        if (a == null || b == null) {
            return 0;
        }
        if (a.code().equals(b)) {
            return 1;
        }
        Commune cb = place(b);
        if (a.epci() != null && a.epci().equals(cb.epci())) {
            return 0.75;
        }
        if (a.arrondissement() != null && a.arrondissement().equals(cb.arrondissement())) {
            return 0.5;
        }
        return a.departement().equals(cb.departement()) ? 0.25 : 0;
    }

    /** The commune of the reference, or for a code outside it, only its département (see {@link Communes#place}). */
    public Commune place(String code) {
        return communes.place(code);
    }
}
