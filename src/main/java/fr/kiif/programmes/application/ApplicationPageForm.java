package fr.kiif.programmes.application;

import org.springframework.web.multipart.MultipartFile;

/** The application form of the public page: the shared fields plus the optional pitch deck upload. */
public class ApplicationPageForm extends ApplicationForm {

    private MultipartFile pitchDeck;

    public MultipartFile getPitchDeck() { return pitchDeck; }
    public void setPitchDeck(MultipartFile pitchDeck) { this.pitchDeck = pitchDeck; }
}
