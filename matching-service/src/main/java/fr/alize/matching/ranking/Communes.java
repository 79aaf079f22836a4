package fr.alize.matching.ranking;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The commune reference behind the proximity score: for each INSEE commune code, its intercommunality (EPCI),
 * arrondissement and département. Shipped for Hauts-de-France (see src/main/scripts/derive-communes.sh); a code
 * outside it still compares by département, taken from the code itself.
 */
public final class Communes {

    public static final String RESOURCE = "/reference/communes-hauts-de-france.csv";

    /** A commune's place in the administrative map. */
    public record Commune(String code, String name, String epci, String arrondissement, String departement) {
    }

    private final Map<String, Commune> byCode;
    /** Each commune of the reference numbered from 0, with its EPCI, arrondissement and département numbered too. */
    private final Map<String, Integer> numbers = new HashMap<>();
    private final int[] epcis;
    private final int[] arrondissements;
    private final int[] departements;

    public Communes(Map<String, Commune> byCode) {
        this.byCode = Map.copyOf(byCode);
        int size = this.byCode.size();
        epcis = new int[size];
        arrondissements = new int[size];
        departements = new int[size];
        Map<String, Integer> names = new HashMap<>();
        for (Commune commune : this.byCode.values()) {
            int n = numbers.size();
            numbers.put(commune.code(), n);
            epcis[n] = number(names, "epci:", commune.epci());
            arrondissements[n] = number(names, "arrondissement:", commune.arrondissement());
            departements[n] = number(names, "departement:", commune.departement());
        }
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

    /** The shipped Hauts-de-France reference. */
    public static Communes hautsDeFrance() {
        try (InputStream in = Communes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, Commune> communes = new HashMap<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#") || line.startsWith("code;")) {
                    continue;
                }
                String[] f = line.split(";", -1);
                communes.put(f[0], new Commune(f[0], f[1], blankToNull(f[2]), blankToNull(f[3]), f[4]));
            }
            return new Communes(communes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Commune get(String code) {
        return code == null ? null : byCode.get(code);
    }

    public int size() {
        return byCode.size();
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

    /** The commune of the reference, or for a code outside it, only its département (from the code); null for null. */
    public Commune place(String code) {
        if (code == null) {
            return null;
        }
        Commune commune = byCode.get(code);
        if (commune != null) {
            return commune;
        }
        String departement = code.startsWith("97") && code.length() >= 3 ? code.substring(0, 3) : code.substring(0, Math.min(2, code.length()));
        return new Commune(code, null, null, null, departement);
    }

    private static String blankToNull(String s) {
        return s.isBlank() ? null : s;
    }
}
