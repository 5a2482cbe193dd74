package fr.kiif.programmes.coordination;

import io.swagger.v3.oas.annotations.media.Schema;

/** A new programme as coordinators send it (POST /api/coordination/programmes). */
@Schema(description = "Nouveau programme (filière) et le jeu d'indicateurs d'impact que mesurent ses appels")
public record ProgrammeConfiguration(
        @Schema(description = "Identifiant (minuscules, chiffres, tirets ; 61 caractères au plus)", example = "habitat-inclusif",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String id,
        @Schema(example = "Habitat inclusif", requiredMode = Schema.RequiredMode.REQUIRED)
        String title,
        @Schema(example = "Filière des projets d'habitat inclusif.", requiredMode = Schema.RequiredMode.REQUIRED)
        String description,
        @Schema(description = "Jeu d'indicateurs du cadre d'impact (voir GET /api/coordination/indicator-sets) ; "
                + "défaut : le premier jeu du cadre (socle-kiif). Il ne change plus ensuite.", example = "socle-kiif")
        String indicatorSet) {
}
