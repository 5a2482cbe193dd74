package fr.kiif.programmes.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's Chromium through its ChromeDriver, headless, with a fresh profile (nothing is downloaded). */
final class HeadlessChromium {

    private HeadlessChromium() {
    }

    static WebDriver start(int width, int height) throws IOException {
        File chromedriver = new File("/usr/bin/chromedriver");
        assertThat(chromedriver).as("Debian's chromium-driver must be installed (see .ci/run)").exists();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height, "--lang=fr-FR",
                "--user-data-dir=" + Files.createTempDirectory("kiif-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
