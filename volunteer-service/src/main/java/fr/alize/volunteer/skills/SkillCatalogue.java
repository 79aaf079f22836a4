package fr.alize.volunteer.skills;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.alize.platform.errors.NearestIds;
import fr.alize.volunteer.VolunteerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The skill taxonomy this service ships with (a classpath resource): its version and skills, and the check that a
 * skill id exists, which names the nearest valid ids when it does not.
 */
@ApplicationScoped
public class SkillCatalogue {

    public static final int MIN_LEVEL = 1;
    public static final int MAX_LEVEL = 4;

    public record Taxonomy(String version, List<Skill> skills) {
    }

    private final Taxonomy taxonomy;
    private final Map<String, Skill> byId = new LinkedHashMap<>();

    @Inject
    public SkillCatalogue(ObjectMapper mapper, VolunteerConfig config) {
        this(mapper, config.skillTaxonomy());
    }

    public SkillCatalogue(ObjectMapper mapper, String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("skill taxonomy " + resource + " missing from the classpath");
            }
            taxonomy = mapper.readValue(in, Taxonomy.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        taxonomy.skills().forEach(skill -> byId.put(skill.id(), skill));
    }

    public String version() {
        return taxonomy.version();
    }

    public List<Skill> skills() {
        return taxonomy.skills();
    }

    public Optional<Skill> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Empty when the id is in the taxonomy; otherwise what is wrong, with the nearest valid ids. */
    public Optional<String> problemWith(String skillId) {
        if (byId.containsKey(skillId)) {
            return Optional.empty();
        }
        return Optional.of("is not in skill taxonomy " + version() + "; nearest valid ids: " + String.join(", ", nearest(skillId)));
    }

    /** The ids closest to the given text (edit distance, ties by id). */
    public List<String> nearest(String text) {
        return NearestIds.nearest(text, byId.keySet());
    }
}
