package fr.alize.needs.need;

import fr.alize.platform.web.Uuids;
import fr.alize.needs.infrastructure.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Request bodies of the needs API. */
public final class NeedRequests {

    private NeedRequests() {
    }

    public record SkillRequest(@NotBlank @Size(max = 100) String skillId, @NotNull @Min(1) @Max(4) Integer level) {
    }

    /**
     * A need's details, to publish (POST) or amend (PUT: the full new state). {@code smeId} is read on POST only;
     * {@code communeCode} defaults to the SME's commune; {@code skills} to none.
     */
    public record NeedRequest(
            @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String smeId,
            @NotNull NeedCategory category,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 5000) String description,
            @Size(max = 30) List<@NotNull @Valid SkillRequest> skills,
            @NotNull @DecimalMin("0.5") @DecimalMax("60") BigDecimal effortDays,
            @NotNull LocalDate windowStart,
            @NotNull LocalDate windowEnd,
            @Pattern(regexp = Ids.COMMUNE_PATTERN, message = Ids.COMMUNE_MESSAGE) @Schema(example = "59606") String communeCode) {

        NeedDetails toDetails(String defaultCommune) {
            List<Skill> wanted = skills == null ? List.of()
                    : skills.stream().map(s -> new Skill(s.skillId().strip(), s.level())).toList();
            return new NeedDetails(category, title.strip(), description.strip(), wanted, effortDays, windowStart,
                    windowEnd, communeCode == null ? defaultCommune : Ids.upper(communeCode));
        }
    }

    public record WithdrawalRequest(@NotBlank @Size(max = 2000) String reason) {
    }
}
