package fr.kiif.programmes.coordination;

import fr.kiif.programmes.call.ProgrammeCall;
import fr.kiif.programmes.call.SelectionSettings;
import fr.kiif.programmes.impact.evaluation.ImpactDelays;

/** A checked configuration, ready to store. */
public record ValidatedCall(ProgrammeCall call, SelectionSettings settings, ImpactDelays impactDelays, boolean publish) {
}
