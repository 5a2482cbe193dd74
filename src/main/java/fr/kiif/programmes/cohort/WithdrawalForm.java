package fr.kiif.programmes.cohort;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The laureate's withdrawal request: a reason and an explicit confirmation. */
public class WithdrawalForm {

    @NotBlank(message = "Indiquez le motif de votre retrait.")
    @Size(max = 2000, message = "2 000 caractères au maximum.")
    private String reason;

    @AssertTrue(message = "Cochez la case pour confirmer votre retrait du programme.")
    private boolean confirm;

    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public boolean isConfirm() { return confirm; }
    public void setConfirm(boolean confirm) { this.confirm = confirm; }
}
