package fr.alize.programme;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The commune reference shared by the services: for each INSEE commune code, its name, intercommunality (EPCI, by
 * SIREN), arrondissement and département. Shipped for Hauts-de-France, derived from Etalab's
 * {@code @etalab/decoupage-administratif} by {@code platform/programme/src/main/scripts/derive-communes.sh}; a code
 * outside it still has its département, taken from the code itself (see {@link #place}).
 */
public final class Communes {

    public static final String RESOURCE = "/fr/alize/programme/communes-hauts-de-france.csv";

    /** A commune's place in the administrative map; epci and arrondissement may be null. */
    public record Commune(String code, String name, String epci, String arrondissement, String departement) {
    }

    private static volatile Communes hautsDeFrance;

    private final Map<String, Commune> byCode;
    private final List<Commune> all;

    /** A reference of these communes, kept in this order (a code given twice keeps its last commune). */
    public Communes(List<Commune> communes) {
        Map<String, Commune> codes = new LinkedHashMap<>();
        communes.forEach(commune -> codes.put(commune.code(), commune));
        this.byCode = Map.copyOf(codes);
        this.all = List.copyOf(codes.values());
    }

    /** The shipped Hauts-de-France reference (read once, then shared: it is immutable). */
    public static Communes hautsDeFrance() {
        Communes loaded = hautsDeFrance;
        if (loaded == null) {
            loaded = read(RESOURCE);
            hautsDeFrance = loaded;
        }
        return loaded;
    }

    /** Reads a reference in the shipped format: {@code code;name;epci;arrondissement;departement}, # comments. */
    public static Communes read(String resource) {
        try (InputStream in = Communes.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Commune> communes = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#") || line.startsWith("code;") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split(";", -1);
                communes.add(new Commune(f[0], f[1], blankToNull(f[2]), blankToNull(f[3]), f[4]));
            }
            return new Communes(communes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The commune of the reference, or null (unknown code, or null). */
    public Commune get(String code) {
        return code == null ? null : byCode.get(code);
    }

    /** The commune's EPCI (SIREN), or null when the commune is outside the reference or in no EPCI. */
    public String epciOf(String code) {
        Commune commune = get(code);
        return commune == null ? null : commune.epci();
    }

    public int size() {
        return byCode.size();
    }

    /** Every commune of the reference, in the order of its file. */
    public List<Commune> all() {
        return all;
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
