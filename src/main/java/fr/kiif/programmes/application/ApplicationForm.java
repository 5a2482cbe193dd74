package fr.kiif.programmes.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an applicant submits, from the public form or the JSON API (same fields, same rules). */
public class ApplicationForm {

    @NotBlank(message = "Indiquez le nom de votre structure.")
    @Size(max = 200, message = "200 caractères au maximum.")
    private String organisationName;

    @NotNull(message = "Choisissez la forme juridique.")
    private LegalForm legalForm;

    @Siret
    private String siret;

    @NotBlank(message = "Choisissez votre département.")
    private String departement;

    @Valid
    @NotNull(message = "Indiquez la personne à contacter.")
    private Contact contact = new Contact();

    @NotBlank(message = "Donnez un titre à votre projet.")
    @Size(max = 200, message = "200 caractères au maximum.")
    private String projectTitle;

    @NotBlank(message = "Résumez votre projet.")
    @Size(max = 3000, message = "3 000 caractères au maximum.")
    private String summary;

    @NotBlank(message = "Décrivez le besoin social auquel répond le projet.")
    @Size(max = 3000, message = "3 000 caractères au maximum.")
    private String socialNeed;

    @NotBlank(message = "Indiquez les bénéficiaires du projet.")
    @Size(max = 3000, message = "3 000 caractères au maximum.")
    private String beneficiaries;

    @NotNull(message = "Choisissez le stade d'avancement du projet.")
    private Stage stage;

    @NotNull(message = "Indiquez la taille de l'équipe.")
    @Min(value = 1, message = "L'équipe compte au moins une personne.")
    @Max(value = 10000, message = "Indiquez un nombre de personnes réaliste.")
    private Integer teamSize;

    @NotNull(message = "Indiquez les financements obtenus (0 si aucun).")
    @Min(value = 0, message = "Le montant ne peut pas être négatif.")
    @Max(value = 1_000_000_000, message = "Indiquez un montant réaliste.")
    private Long fundingToDate;

    @NotBlank(message = "Décrivez vos besoins d'accompagnement.")
    @Size(max = 3000, message = "3 000 caractères au maximum.")
    private String supportNeeds;

    @NotBlank(message = "Expliquez le lien de votre projet avec la thématique du programme.")
    @Size(max = 3000, message = "3 000 caractères au maximum.")
    private String themeFit;

    @AssertTrue(message = "Vous devez accepter la politique de confidentialité pour candidater.")
    private boolean consent;

    public static class Contact {

        @NotBlank(message = "Indiquez le prénom.")
        @Size(max = 100, message = "100 caractères au maximum.")
        private String firstName;

        @NotBlank(message = "Indiquez le nom.")
        @Size(max = 100, message = "100 caractères au maximum.")
        private String lastName;

        @NotBlank(message = "Indiquez une adresse électronique.")
        @Email(message = "L'adresse électronique n'est pas valide (exemple : nom@domaine.fr).")
        @Size(max = 254, message = "254 caractères au maximum.")
        private String email;

        @NotBlank(message = "Indiquez un numéro de téléphone.")
        @Pattern(regexp = "^\\+?[0-9 .()-]{8,20}$", message = "Le numéro de téléphone n'est pas valide (exemple : 06 01 02 03 04).")
        private String phone;

        public String getFirstName() { return firstName; }
        public void setFirstName(String firstName) { this.firstName = firstName; }
        public String getLastName() { return lastName; }
        public void setLastName(String lastName) { this.lastName = lastName; }
        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
        public String getPhone() { return phone; }
        public void setPhone(String phone) { this.phone = phone; }
    }

    public String getOrganisationName() { return organisationName; }
    public void setOrganisationName(String organisationName) { this.organisationName = organisationName; }
    public LegalForm getLegalForm() { return legalForm; }
    public void setLegalForm(LegalForm legalForm) { this.legalForm = legalForm; }
    public String getSiret() { return siret; }
    public void setSiret(String siret) { this.siret = siret == null ? null : siret.replace(" ", ""); }
    public String getDepartement() { return departement; }
    public void setDepartement(String departement) { this.departement = departement; }
    public Contact getContact() { return contact; }
    public void setContact(Contact contact) { this.contact = contact; }
    public String getProjectTitle() { return projectTitle; }
    public void setProjectTitle(String projectTitle) { this.projectTitle = projectTitle; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public String getSocialNeed() { return socialNeed; }
    public void setSocialNeed(String socialNeed) { this.socialNeed = socialNeed; }
    public String getBeneficiaries() { return beneficiaries; }
    public void setBeneficiaries(String beneficiaries) { this.beneficiaries = beneficiaries; }
    public Stage getStage() { return stage; }
    public void setStage(Stage stage) { this.stage = stage; }
    public Integer getTeamSize() { return teamSize; }
    public void setTeamSize(Integer teamSize) { this.teamSize = teamSize; }
    public Long getFundingToDate() { return fundingToDate; }
    public void setFundingToDate(Long fundingToDate) { this.fundingToDate = fundingToDate; }
    public String getSupportNeeds() { return supportNeeds; }
    public void setSupportNeeds(String supportNeeds) { this.supportNeeds = supportNeeds; }
    public String getThemeFit() { return themeFit; }
    public void setThemeFit(String themeFit) { this.themeFit = themeFit; }
    public boolean isConsent() { return consent; }
    public void setConsent(boolean consent) { this.consent = consent; }
}
