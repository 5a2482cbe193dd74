package fr.kiif.programmes.notification;

import static org.assertj.core.api.Assertions.assertThat;

import fr.kiif.programmes.notification.BodyLinks.Segment;
import org.junit.jupiter.api.Test;

class BodyLinksTest {

    @Test
    void cutsTextAroundUrlsAndLeavesSentencePunctuationOut() {
        assertThat(BodyLinks.split("Voir https://kiif.fr/suivi/FDV26-0042?jeton=a1. Merci (https://kiif.fr/a_(b))."))
                .containsExactly(
                        new Segment("Voir ", false),
                        new Segment("https://kiif.fr/suivi/FDV26-0042?jeton=a1", true),
                        new Segment(". Merci (", false),
                        new Segment("https://kiif.fr/a_(b)", true),
                        new Segment(").", false));
    }

    @Test
    void onlyHttpUrlsBecomeLinksAndQuotesEndThem() {
        assertThat(BodyLinks.split("javascript:alert(1) http://x.fr/\"onclick=\"alert(1) «https://y.fr» http://"))
                .containsExactly(
                        new Segment("javascript:alert(1) ", false),
                        new Segment("http://x.fr/", true),
                        new Segment("\"onclick=\"alert(1) «", false),
                        new Segment("https://y.fr", true),
                        new Segment("» http://", false));
    }

    @Test
    void plainTextIsOneSegment() {
        assertThat(BodyLinks.split("Bonjour,\n\nÀ bientôt")).containsExactly(new Segment("Bonjour,\n\nÀ bientôt", false));
        assertThat(BodyLinks.split("")).isEmpty();
    }
}
