package fr.kiif.programmes.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a person does in the Camunda Tasklist and its Camunda Forms (form-js 1.8.7), for browser tests. */
final class TasklistPage {

    private final WebDriver browser;
    private final WebDriverWait wait;
    private final String base;

    TasklistPage(WebDriver browser, WebDriverWait wait, String base) {
        this.browser = browser;
        this.wait = wait;
        this.base = base;
    }

    void login(String user) {
        browser.get(base + "/camunda/app/tasklist/default/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type='password']")));
        browser.findElement(By.cssSelector("input[ng-model='username'], input#username, input[autocomplete='username']"))
                .sendKeys(user);
        browser.findElement(By.cssSelector("input[type='password']")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[type='password']")));
    }

    void logout() {
        jsClick(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.logout a"))));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type='password']")));
    }

    void openTask(String taskId, String expected) throws Exception {
        browser.get(base + "/camunda/app/tasklist/default/#/?task=" + taskId);
        waitForText(expected);
    }

    void waitForText(String text) throws Exception {
        try {
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
        } catch (TimeoutException e) {
            dump("missing-text");
            throw e;
        }
    }

    /** A form-js field by its component id (form-js prefixes ids with the form's own id). */
    WebElement field(String componentId) throws Exception {
        try {
            return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id$='-" + componentId + "']")));
        } catch (TimeoutException e) {
            dump("field-" + componentId);
            throw e;
        }
    }

    /** Types into a form-js text field and lets its debounced change reach the form's state. */
    void type(String componentId, String text) throws Exception {
        WebElement input = field(componentId);
        input.click();
        input.sendKeys(text);
        wait.until(driver -> text.equals(input.getAttribute("value")));
        Thread.sleep(600);
    }

    /** A radio option by the start of its label (form-js does not render the option's value). */
    void chooseRadio(String componentId, String label) {
        List<WebElement> inputs = browser.findElements(By.cssSelector("input[type='radio'][id*='-" + componentId + "-']"));
        WebElement input = inputs.stream().filter(i -> browser.findElement(By.cssSelector("label[for='" + i.getAttribute("id") + "']"))
                        .getText().trim().startsWith(label)).findFirst()
                .orElseThrow(() -> new AssertionError("No radio " + label + " for " + componentId + " among " + inputs.size()));
        jsClick(input);
        assertThat(input.isSelected()).as(componentId + "=" + label).isTrue();
    }

    /** form-js' select is a drop-down: clear it, open it and click the option's label. */
    void chooseSelect(String componentId, String label) throws Exception {
        WebElement group = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//*[contains(@id, '" + componentId + "')]/ancestor::div[contains(@class, 'fjs-form-field')][1]")));
        List<WebElement> cross = group.findElements(By.cssSelector(".fjs-select-cross"));
        if (!cross.isEmpty()) {
            cross.get(0).click();
            Thread.sleep(300);
        }
        // The drop-down toggles on mouse down; clearing may already have opened it.
        By items = By.cssSelector(".fjs-dropdownlist-item");
        for (int attempt = 0; attempt < 3 && group.findElements(items).isEmpty(); attempt++) {
            group.findElement(By.cssSelector(".fjs-select-display")).click();
            Thread.sleep(300);
        }
        try {
            WebElement option = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                    "//*[contains(@class, 'fjs-dropdownlist-item') and normalize-space(.)=\"" + label + "\"]")));
            option.click();
            wait.until(ExpectedConditions.textToBePresentInElement(group, label));
        } catch (TimeoutException e) {
            dump("select-" + componentId);
            throw e;
        }
    }

    void claim() {
        jsClick(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button[ng-click='claim()']"))));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[ng-click='unclaim()']")));
    }

    /**
     * The form's own submit button. Tasklist 7.24 keeps its "Complete" button disabled once a field of a
     * dynamic list changed (form-js leaves an empty error entry for the list, which Tasklist counts as an
     * error); form-js' submit validates the whole form again, then Tasklist completes the task.
     */
    void submitForm() {
        jsClick(browser.findElement(By.cssSelector("button.fjs-button[type='submit']")));
    }

    void complete() throws Exception {
        WebElement button;
        try {
            button = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']")));
        } catch (TimeoutException e) {
            dump("complete-disabled");
            Object state = ((JavascriptExecutor) browser).executeScript("""
                    var s = angular.element(document.querySelector("button[ng-click='complete()']")).scope();
                    return JSON.stringify({invalid: s.$invalid, options: s.options, removed: s.taskRemoved,
                        inProgress: s.completeInProgress});""");
            throw new AssertionError("Complete stays disabled: " + state, e);
        }
        button.click();
    }

    /** form-js' date picker (flatpickr, typed input): type the date, then leave the field so it is parsed. */
    void date(String componentId, String text) throws Exception {
        WebElement input = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("input[id*='-" + componentId + "']")));
        input.click();
        input.sendKeys(text);
        input.sendKeys(Keys.ENTER);
        Thread.sleep(600);
    }

    void jsClick(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].click();", element);
    }

    private void dump(String name) throws IOException {
        Screenshots.dump(browser, name);
    }
}
