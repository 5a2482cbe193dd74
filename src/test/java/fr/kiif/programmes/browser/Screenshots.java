package fr.kiif.programmes.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

/** The browser tests' screenshots, and page dumps when a wait fails, under target/screenshots. */
final class Screenshots {

    static final Path FOLDER = Path.of("target", "screenshots");

    private Screenshots() {
    }

    /** The browser's window. */
    static void save(WebDriver browser, String name) throws IOException {
        write(name + ".png", ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /** The whole page, beyond the window's height (Chrome DevTools' capture). */
    @SuppressWarnings("unchecked")
    static void saveFullPage(WebDriver browser, String name) throws IOException {
        ChromeDriver chrome = (ChromeDriver) browser;
        Map<String, Object> metrics = chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        Map<String, Object> clip = new HashMap<>();
        clip.put("x", 0);
        clip.put("y", 0);
        clip.put("width", ((Number) size.get("width")).doubleValue());
        clip.put("height", ((Number) size.get("height")).doubleValue());
        clip.put("scale", 1);
        Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        write(name + ".png", Base64.getDecoder().decode((String) shot.get("data")));
    }

    /** The window and the page's HTML, to see why a wait failed. */
    static void dump(WebDriver browser, String name) throws IOException {
        save(browser, name);
        write(name + ".html", browser.getPageSource().getBytes(StandardCharsets.UTF_8));
    }

    private static void write(String fileName, byte[] content) throws IOException {
        Files.createDirectories(FOLDER);
        Files.write(FOLDER.resolve(fileName), content);
    }
}
