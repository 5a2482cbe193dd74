package fr.kiif.programmes.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import fr.kiif.programmes.alliance.AllianceReferenceData;
import fr.kiif.programmes.alliance.Incubator;

/** Tells the person who started the application where to go (and, in the demo, how to log in). */
@Component
public class StartupInfo {

    private static final Logger log = LoggerFactory.getLogger(StartupInfo.class);

    private final String baseUrl;
    private final boolean demo;
    private final String demoPassword;
    private final AllianceReferenceData alliance;

    public StartupInfo(@Value("${kiif.public-base-url}") String baseUrl, @Value("${kiif.demo.enabled}") boolean demo,
            @Value("${kiif.demo.password:}") String demoPassword, AllianceReferenceData alliance) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.demo = demo;
        this.demoPassword = demoPassword;
        this.alliance = alliance;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void printWhereToGo() {
        StringBuilder text = new StringBuilder("\n\n  Kiif Programmes is running\n")
                .append("  Public pages (applicants) : ").append(baseUrl).append("/\n")
                .append("  Tasklist                  : ").append(baseUrl).append("/camunda/app/tasklist/\n")
                .append("  Cockpit                   : ").append(baseUrl).append("/camunda/app/cockpit/\n")
                .append("  Courriels envoyés         : ").append(baseUrl).append("/coordination/courriels\n")
                .append("  API (OpenAPI)             : ").append(baseUrl).append("/v3/api-docs\n");
        if (demo) {
            String staff = String.join(", ", alliance.incubators().stream().map(Incubator::slug)
                    .map(slug -> slug + "-1, " + slug + "-2").toList());
            text.append("\n  Demo logins, password '").append(demoPassword).append("' for all:\n")
                    .append("    admin (administrator)\n")
                    .append("    coordination-1, coordination-2 (national coordination)\n")
                    .append("    ").append(staff).append(" (incubator staff)\n")
                    .append("    jury-1, jury-2, jury-3 (jury of fin-de-vie-2026)\n");
        }
        log.info(text.toString());
    }
}
