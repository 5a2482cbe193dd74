package fr.kiif.programmes.support;

import fr.kiif.programmes.application.ApplicationForm;
import fr.kiif.programmes.application.LegalForm;
import fr.kiif.programmes.application.Stage;

/** Valid application forms for tests; change what the test is about. */
public final class ApplicationForms {

    private ApplicationForms() {
    }

    public static ApplicationForm valid(String departement, String email) {
        ApplicationForm form = new ApplicationForm();
        form.setOrganisationName("Les Passeurs");
        form.setLegalForm(LegalForm.ASSOCIATION);
        form.setSiret("73282932000074");
        form.setDepartement(departement);
        form.getContact().setFirstName("Inès");
        form.getContact().setLastName("Martin");
        form.getContact().setEmail(email);
        form.getContact().setPhone("06 01 02 03 04");
        form.setProjectTitle("Café mortel itinérant");
        form.setSummary("Des cafés mortels dans les villages pour parler de la mort sans tabou.");
        form.setSocialNeed("Isolement des personnes endeuillées en zone rurale.");
        form.setBeneficiaries("Personnes endeuillées, aidants, habitants.");
        form.setStage(Stage.LAUNCH);
        form.setTeamSize(2);
        form.setFundingToDate(15000L);
        form.setSupportNeeds("Modèle économique et partenariats.");
        form.setThemeFit("Accompagnement du deuil au plus près des habitants.");
        form.setConsent(true);
        return form;
    }

    /** The JSON body of the example, with the given département and email. */
    public static String json(String departement, String email) {
        return """
                {"organisationName":"Les Passeurs","legalForm":"ASSOCIATION","siret":null,"departement":"%s",
                "contact":{"firstName":"Inès","lastName":"Martin","email":"%s","phone":"0601020304"},
                "projectTitle":"Café mortel itinérant","summary":"Des cafés mortels itinérants.","socialNeed":"Isolement des endeuillés.",
                "beneficiaries":"Personnes endeuillées.","stage":"LAUNCH","teamSize":2,"fundingToDate":15000,
                "supportNeeds":"Modèle économique.","themeFit":"Deuil et fin de vie.","consent":true}
                """.formatted(departement, email);
    }
}
