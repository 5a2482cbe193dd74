package fr.kiif.programmes.coordination;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import fr.kiif.programmes.application.ApplicationApiErrors.FieldError;
import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.call.Programme;
import fr.kiif.programmes.impact.ImpactFramework;
import fr.kiif.programmes.impact.ImpactPhase;
import fr.kiif.programmes.impact.IndicatorSet;

/**
 * Programmes for the coordination (API and pages). The indicator set is chosen at creation, among
 * the loaded framework's sets, and does not change afterwards: evaluations already made refer to it.
 */
@Service
public class ProgrammeService {

    static final int MAX_TITLE = 200;

    private final CallRepository calls;
    private final ImpactFramework framework;

    public ProgrammeService(CallRepository calls, ImpactFramework framework) {
        this.calls = calls;
        this.framework = framework;
    }

    /**
     * @throws InvalidProgrammeException with every field error
     * @throws CallConflictException when a programme with this id exists
     */
    public ProgrammeView create(ProgrammeConfiguration p) {
        List<FieldError> errors = new ArrayList<>();
        String id = CallConfigurationValidator.trim(p.id());
        if (id == null) {
            errors.add(new FieldError("id", "L'identifiant du programme est obligatoire."));
        } else if (!CallConfigurationValidator.CALL_ID.matcher(id).matches()) {
            errors.add(new FieldError("id", "L'identifiant ne peut contenir que des lettres minuscules, des chiffres "
                    + "et des tirets (61 caractères au plus, sans tiret au début)."));
        }
        String title = CallConfigurationValidator.trim(p.title());
        if (title == null) {
            errors.add(new FieldError("title", "Le titre est obligatoire."));
        } else if (title.length() > MAX_TITLE) {
            errors.add(new FieldError("title", "Le titre ne doit pas dépasser " + MAX_TITLE + " caractères."));
        }
        String description = CallConfigurationValidator.trim(p.description());
        if (description == null) {
            errors.add(new FieldError("description", "La description est obligatoire."));
        }
        String set = CallConfigurationValidator.trim(p.indicatorSet());
        if (set == null) {
            set = defaultSet();
        } else if (!framework.hasSet(set)) {
            errors.add(new FieldError("indicatorSet", "Jeu d'indicateurs inconnu : " + set + ". Jeux disponibles : "
                    + String.join(", ", framework.sets().stream().map(IndicatorSet::id).toList()) + "."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidProgrammeException(errors);
        }
        if (calls.programmeExists(id)) {
            throw duplicate(id);
        }
        try {
            calls.insertProgramme(id, title, description, set);
        } catch (DuplicateKeyException e) {
            throw duplicate(id);
        }
        return view(calls.findProgramme(id).orElseThrow());
    }

    public List<ProgrammeView> all() {
        return calls.findProgrammes().stream().map(this::view).toList();
    }

    public ProgrammeView view(Programme programme) {
        return new ProgrammeView(programme.id(), programme.title(), programme.description(), programme.indicatorSet(),
                setLabel(programme.indicatorSet()));
    }

    /** The set's label, or its id when a replaced framework no longer has it (start-up refuses that anyway). */
    public String setLabel(String setId) {
        return framework.hasSet(setId) ? framework.set(setId).label() : setId;
    }

    public List<IndicatorSetView> indicatorSets() {
        return framework.sets().stream().map(s -> new IndicatorSetView(s.id(), s.label(), s.description(),
                s.indicators().size(), Arrays.stream(ImpactPhase.values()).filter(s::asks).toList())).toList();
    }

    /** The common set when the framework has it, else its first set. */
    public String defaultSet() {
        return framework.hasSet(Programme.DEFAULT_INDICATOR_SET) ? Programme.DEFAULT_INDICATOR_SET
                : framework.sets().iterator().next().id();
    }

    private static CallConflictException duplicate(String id) {
        return new CallConflictException("Programme existant", "Un programme avec l'identifiant « " + id + " » existe déjà.");
    }
}
