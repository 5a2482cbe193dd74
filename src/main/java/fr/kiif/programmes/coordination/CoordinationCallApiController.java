package fr.kiif.programmes.coordination;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import fr.kiif.programmes.application.UnknownCallException;
import fr.kiif.programmes.call.CallRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Coordination API: create, configure and publish calls. HTTP Basic against the Camunda identity
 * (engine authentication filter on /api/coordination/*); members of kiif-coordination or
 * camunda-admin only.
 */
@RestController
@RequestMapping("/api/coordination/calls")
@Tag(name = "Coordination", description = "Création, configuration et publication des appels (coordination nationale)")
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "Identifiant et mot de passe Camunda d'un membre de kiif-coordination ou camunda-admin")
@SecurityRequirement(name = "basic")
public class CoordinationCallApiController {

    private final CallConfigurationService service;
    private final CoordinationCallViews views;
    private final CallRepository calls;
    private final CoordinatorAccess access;

    public CoordinationCallApiController(CallConfigurationService service, CoordinationCallViews views,
                                         CallRepository calls, CoordinatorAccess access) {
        this.service = service;
        this.views = views;
        this.calls = calls;
        this.access = access;
    }

    @GetMapping
    @Operation(summary = "Tous les appels, brouillons compris, avec leur statut")
    @ApiResponse(responseCode = "200", description = "Liste des appels")
    @ApiResponse(responseCode = "401", description = "Non authentifié")
    @ApiResponse(responseCode = "403", description = "Réservé à la coordination")
    public List<CoordinationCallView> list() {
        access.requireCoordinator();
        return service.all().stream().map(views::view).toList();
    }

    @GetMapping("/{callId}")
    @Operation(summary = "Un appel et toute sa configuration")
    @ApiResponse(responseCode = "200", description = "L'appel")
    @ApiResponse(responseCode = "404", description = "Appel inconnu")
    public CoordinationCallView get(@PathVariable String callId) {
        access.requireCoordinator();
        return views.view(calls.findById(callId).orElseThrow(() -> new UnknownCallException(callId)));
    }

    @PostMapping
    @Operation(summary = "Créer un appel (brouillon, ou publié si « publish » vaut true)")
    @ApiResponse(responseCode = "201", description = "Appel créé")
    @ApiResponse(responseCode = "400", description = "Configuration invalide : erreurs par champ, en français")
    @ApiResponse(responseCode = "409", description = "Un appel avec cet identifiant existe déjà")
    public ResponseEntity<CoordinationCallView> create(@RequestBody CallConfiguration configuration) {
        access.requireCoordinator();
        String id = service.create(configuration);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(id).toUri())
                .body(views.view(calls.findById(id).orElseThrow()));
    }

    @PutMapping("/{callId}")
    @Operation(summary = "Modifier la configuration d'un appel qui n'est pas encore ouvert")
    @ApiResponse(responseCode = "200", description = "Appel modifié")
    @ApiResponse(responseCode = "400", description = "Configuration invalide")
    @ApiResponse(responseCode = "404", description = "Appel inconnu")
    @ApiResponse(responseCode = "409", description = "L'appel est déjà ouvert")
    public CoordinationCallView update(@PathVariable String callId, @RequestBody CallConfiguration configuration) {
        access.requireCoordinator();
        service.update(callId, configuration);
        return views.view(calls.findById(callId).orElseThrow());
    }

    @PostMapping("/{callId}/publish")
    @Operation(summary = "Publier un appel en brouillon (démarre son processus)")
    @ApiResponse(responseCode = "200", description = "Appel publié")
    @ApiResponse(responseCode = "404", description = "Appel inconnu")
    @ApiResponse(responseCode = "409", description = "Appel déjà publié, ou date de clôture passée")
    public CoordinationCallView publish(@PathVariable String callId) {
        access.requireCoordinator();
        service.publish(callId);
        return views.view(calls.findById(callId).orElseThrow());
    }
}
