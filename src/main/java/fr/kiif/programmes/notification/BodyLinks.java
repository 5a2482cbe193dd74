package fr.kiif.programmes.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts plain text into text and http(s) URL segments, so a page can render links with th:href and
 * everything with th:text (escaped), never as raw HTML.
 */
public final class BodyLinks {

    /** A piece of text; when {@code link}, the text is also the target URL. */
    public record Segment(String text, boolean link) {
    }

    // Stops at spaces (including French non-breaking ones), quotes and angle brackets.
    private static final Pattern URL = Pattern.compile("https?://[^\\s\\u00A0\\u202F<>\"'«»]+",
            Pattern.CASE_INSENSITIVE);
    private static final String TRAILING_PUNCTUATION = ".,;:!?";

    private BodyLinks() {
    }

    public static List<Segment> split(String text) {
        List<Segment> segments = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return segments;
        }
        Matcher matcher = URL.matcher(text);
        int position = 0;
        while (matcher.find()) {
            String url = trimEnd(matcher.group());
            if (url.length() <= url.indexOf("://") + 3) {
                continue; // Bare scheme: stays plain text.
            }
            int end = matcher.start() + url.length();
            if (matcher.start() > position) {
                segments.add(new Segment(text.substring(position, matcher.start()), false));
            }
            segments.add(new Segment(url, true));
            position = end;
        }
        if (position < text.length()) {
            segments.add(new Segment(text.substring(position), false));
        }
        return segments;
    }

    /** Leaves sentence punctuation and an unbalanced closing bracket outside the link. */
    private static String trimEnd(String url) {
        String result = url;
        while (!result.isEmpty()) {
            char last = result.charAt(result.length() - 1);
            boolean unbalanced = last == ')' && count(result, '(') < count(result, ')')
                    || last == ']' && count(result, '[') < count(result, ']');
            if (TRAILING_PUNCTUATION.indexOf(last) < 0 && !unbalanced) {
                break;
            }
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    private static long count(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
    }
}
