package fr.kiif.programmes.impact;

import java.util.List;

/** The framework file has problems; all of them are listed so that the operator fixes the file in one go. */
public class InvalidImpactFrameworkException extends IllegalStateException {

    private final String source;
    private final List<String> problems;

    public InvalidImpactFrameworkException(String source, List<String> problems) {
        super("The impact framework file " + source + " has " + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + ":" + bullets(problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public String source() {
        return source;
    }

    public List<String> problems() {
        return problems;
    }

    private static String bullets(List<String> problems) {
        StringBuilder text = new StringBuilder();
        problems.forEach(problem -> text.append(System.lineSeparator()).append("  - ").append(problem));
        return text.toString();
    }
}
