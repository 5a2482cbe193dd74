package fr.kiif.programmes.coordination;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import fr.kiif.programmes.call.CallRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Coordination API: programmes and the impact framework's indicator sets they choose from. Same
 * protection as the calls API (HTTP Basic, kiif-coordination or camunda-admin).
 */
@RestController
@RequestMapping("/api/coordination")
@Tag(name = "Coordination")
@SecurityRequirement(name = "basic")
public class ProgrammeApiController {

    private final ProgrammeService programmes;
    private final CallRepository calls;
    private final CoordinatorAccess access;

    public ProgrammeApiController(ProgrammeService programmes, CallRepository calls, CoordinatorAccess access) {
        this.programmes = programmes;
        this.calls = calls;
        this.access = access;
    }

    @GetMapping("/programmes")
    @Operation(summary = "Tous les programmes, avec leur jeu d'indicateurs d'impact")
    @ApiResponse(responseCode = "200", description = "Liste des programmes")
    public List<ProgrammeView> list() {
        access.requireCoordinator();
        return programmes.all();
    }

    @GetMapping("/programmes/{programmeId}")
    @Operation(summary = "Un programme")
    @ApiResponse(responseCode = "200", description = "Le programme")
    @ApiResponse(responseCode = "404", description = "Programme inconnu")
    public ProgrammeView get(@PathVariable String programmeId) {
        access.requireCoordinator();
        return programmes.view(calls.findProgramme(programmeId).orElseThrow(() -> new UnknownProgrammeException(programmeId)));
    }

    @PostMapping("/programmes")
    @Operation(summary = "Créer un programme et choisir le jeu d'indicateurs que mesureront ses appels")
    @ApiResponse(responseCode = "201", description = "Programme créé")
    @ApiResponse(responseCode = "400", description = "Champs invalides (jeu d'indicateurs inconnu, …) : erreurs par champ, en français")
    @ApiResponse(responseCode = "409", description = "Un programme avec cet identifiant existe déjà")
    public ResponseEntity<ProgrammeView> create(@RequestBody ProgrammeConfiguration programme) {
        access.requireCoordinator();
        ProgrammeView created = programmes.create(programme);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(created.id()).toUri()).body(created);
    }

    @GetMapping("/indicator-sets")
    @Operation(summary = "Les jeux d'indicateurs du cadre d'impact chargé au démarrage")
    @ApiResponse(responseCode = "200", description = "Jeux d'indicateurs")
    public List<IndicatorSetView> indicatorSets() {
        access.requireCoordinator();
        return programmes.indicatorSets();
    }
}
