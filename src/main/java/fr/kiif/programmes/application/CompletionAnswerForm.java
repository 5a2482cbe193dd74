package fr.kiif.programmes.application;

import org.springframework.web.multipart.MultipartFile;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The applicant's answer to a completion request, from the public page. */
public class CompletionAnswerForm {

    @NotBlank(message = "Écrivez votre réponse à la demande de complément.")
    @Size(max = 5000, message = "5 000 caractères au maximum.")
    private String answer;

    private MultipartFile document;

    public String getAnswer() { return answer; }
    public void setAnswer(String answer) { this.answer = answer; }
    public MultipartFile getDocument() { return document; }
    public void setDocument(MultipartFile document) { this.document = document; }
}
