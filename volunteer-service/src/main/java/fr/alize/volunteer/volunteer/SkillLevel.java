package fr.alize.volunteer.volunteer;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A skill of the taxonomy held at a level: 1 notions, 2 practitioner, 3 expert, 4 reference. */
public record SkillLevel(@NotBlank @Size(max = 60) String skillId,
                         @NotNull @Min(1) @Max(4) Integer level) {
}
