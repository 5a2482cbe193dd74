package fr.kiif.programmes.notification;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders {@code templates/mail/<name>.txt} (Thymeleaf TEXT mode, UTF-8, French locale) into a
 * subject (first line) and a body (after a blank line). {@code [[...]]} does not HTML-escape here:
 * the output is plain text.
 * The engine is private, not a bean: a template-engine or resolver bean would be picked up by
 * Spring Boot's web Thymeleaf configuration.
 */
@Component
public class MailTemplates {

    /** Variable every template receives, e.g. {@code [[${publicBaseUrl}]]/suivi/...}. */
    public static final String PUBLIC_BASE_URL = "publicBaseUrl";

    private static final Pattern TEMPLATE_NAME = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*");

    private final SpringTemplateEngine engine;
    private final String publicBaseUrl;

    public MailTemplates(MessageSource messageSource, @Value("${kiif.public-base-url}") String publicBaseUrl) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCheckExistence(true);
        resolver.setCacheable(true);
        this.engine = new SpringTemplateEngine();
        engine.setDialect(new PlainTextMailDialect());
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messageSource);
        this.publicBaseUrl = stripTrailingSlash(publicBaseUrl);
    }

    /** Renders a template; variables override {@value #PUBLIC_BASE_URL} if they define it. */
    public RenderedMail render(String template, Map<String, Object> variables) {
        if (template == null || !TEMPLATE_NAME.matcher(template).matches()) {
            throw new IllegalArgumentException("Invalid mail template name: " + template);
        }
        Context context = new Context(Locale.FRANCE);
        context.setVariable(PUBLIC_BASE_URL, publicBaseUrl);
        if (variables != null) {
            context.setVariables(variables);
        }
        return RenderedMail.parse(template, engine.process(template, context));
    }

    private static String stripTrailingSlash(String url) {
        return url != null && url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
