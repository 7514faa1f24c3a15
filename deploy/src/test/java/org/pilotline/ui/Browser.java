package org.pilotline.ui;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver: Selenium is given both paths, so it downloads
 * no browser and no driver. Without Chromium the test fails, unless PILOTLINE_ALLOW_NO_BROWSER=true says that this
 * machine may skip browser tests.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String ALLOW_NO_BROWSER = "PILOTLINE_ALLOW_NO_BROWSER";

    /** Where screenshots go: deploy/target/screenshots (bin/test copies nothing; docs/screenshots is updated by hand). */
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final WebDriver driver;
    private final WebDriverWait wait;

    private Browser(WebDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        // A condition that reads a table while the page re-renders it finds rows that are gone the next moment: ask again.
        this.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    /** A browser whose preferred language is the one given (as a browser's Accept-Language and navigator.languages). */
    static Browser open(String browserLanguage) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            if ("true".equals(System.getenv(ALLOW_NO_BROWSER))) {
                Assumptions.abort("no Chromium at " + CHROMIUM + " and " + ALLOW_NO_BROWSER + "=true");
            }
            Assertions.fail("Browser tests need Debian's chromium and chromium-driver (bin/test installs them); set "
                    + ALLOW_NO_BROWSER + "=true to skip them on a machine without a browser");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,900", "--lang=" + browserLanguage);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", browserLanguage));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options));
    }

    void get(String url) {
        driver.get(url);
    }

    /** Opens the page and signs in with the form; the menu of the user's roles is there when it returns. */
    void signIn(String url, String username, String password) {
        get(url);
        type("#username", username);
        type("#password", password);
        click("#sign-in");
        waitFor("nav a");
    }

    WebElement waitFor(String css) {
        try {
            return wait.until(d -> {
                List<WebElement> found = d.findElements(By.cssSelector(css));
                return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("failed-waiting");
            throw new AssertionError("no visible " + css + " on the page, which shows: "
                    + driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    /** Like waitFor, for what takes longer than a page's answer (a re-solve of the schedule). */
    WebElement waitLongFor(String css, Duration timeout) {
        return new WebDriverWait(driver, timeout).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    <T> T waitUntil(Function<WebDriver, T> condition) {
        return wait.until(condition::apply);
    }

    void type(String css, String text) {
        WebElement input = waitFor(css);
        input.clear();
        input.sendKeys(text);
    }

    void click(String css) {
        waitFor(css).click();
    }

    void choose(String css, String value) {
        new Select(waitFor(css)).selectByValue(value);
    }

    String text(String css) {
        return waitFor(css).getText();
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** A script that answers later: it calls its last argument with the answer. */
    Object asyncScript(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(js, args);
    }

    /**
     * Cuts the page off from the URLs matching the patterns (Chromium's DevTools Network.setBlockedURLs: the request
     * fails as a network error, as when a terminal's Wi-Fi drops); no pattern lets everything through again.
     */
    void blockRequests(String... urlPatterns) {
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of(urlPatterns)));
    }

    /**
     * Every visible piece of text that the UI itself wrote: text nodes, button and placeholder texts, but not data
     * values (inside an element marked data-v), not the language menu (each language is named in its own), not what a
     * user typed.
     */
    @SuppressWarnings("unchecked")
    List<String> uiTexts() {
        return (List<String>) script("""
                const texts = [];
                const visible = (el) => el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                  const el = n.parentElement;
                  const s = n.textContent.trim();
                  if (!s || !visible(el) || el.closest('[data-v], #language, script, style')) continue;
                  texts.push(s);
                }
                document.querySelectorAll('input[placeholder]').forEach((i) => { if (visible(i)) texts.push(i.placeholder); });
                return texts;""");
    }

    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{2,}");
    private static final Pattern CJK = Pattern.compile("[\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef]");
    /** The product's name is the same in every language. */
    private static final Set<String> NAMES = Set.of("PilotLine");

    /** No text of the UI in the other language: no Latin words on a Chinese screen, no Chinese on an English one. */
    void assertOneLanguage(String language, String screen) {
        List<String> texts = uiTexts();
        Assertions.assertFalse(texts.isEmpty(), screen + " shows text");
        List<String> wrong = new ArrayList<>();
        for (String text : texts) {
            String words = text;
            for (String name : NAMES) {
                words = words.replace(name, "");
            }
            boolean mixed = language.equals("en") ? CJK.matcher(words).find() : LATIN_WORD.matcher(words).find();
            if (mixed) {
                wrong.add(text);
            }
        }
        Assertions.assertTrue(wrong.isEmpty(), screen + " in " + language + " shows texts of another language: " + wrong);
        Assertions.assertEquals(language, script("return document.documentElement.lang"));
    }

    /**
     * Presses the mouse at (x, y) of the element (pixels from its top left corner), moves it in steps to (x + dx,
     * y + dy) and lets go: a person's drag, as the page's own mouse events see it.
     */
    void drag(WebElement element, int x, int y, int dx, int dy) {
        int width = element.getRect().getWidth();
        int height = element.getRect().getHeight();
        Actions actions = new Actions(driver).moveToElement(element, x - width / 2, y - height / 2).clickAndHold();
        int steps = 6;
        for (int i = 0; i < steps; i++) {
            actions.moveByOffset(dx * (i + 1) / steps - dx * i / steps, dy * (i + 1) / steps - dy * i / steps);
        }
        actions.release().perform();
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(png.toPath(), SCREENSHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    /**
     * Drags operation {@code operationId} of the Gantt (starting at {@code operationStart}, on work unit
     * {@code fromUnit}) so that it would start at {@code target} on {@code toUnit}, as a planner's mouse does, and
     * returns the move proposal the page shows.
     */
    public WebElement dragGanttOperation(long operationId, String operationStart, long fromUnit, java.time.Instant target,
                                         long toUnit) {
        script("document.querySelector('#gantt-chart').scrollIntoView({block: 'center'})");
        java.util.List<Number> grab = ganttPixel("pixelOf(" + operationId + ")");
        java.util.List<Number> startAt = ganttPixel("pixelAt('" + operationStart + "', " + fromUnit + ")");
        java.util.List<Number> drop = ganttPixel("pixelAt('" + target + "', " + toUnit + ")");
        drag(waitFor("#gantt-chart"), grab.get(0).intValue(), grab.get(1).intValue(),
                drop.get(0).intValue() - startAt.get(0).intValue(), drop.get(1).intValue() - startAt.get(1).intValue());
        return waitFor("#move-proposal");
    }

    @SuppressWarnings("unchecked")
    private java.util.List<Number> ganttPixel(String call) {
        return (java.util.List<Number>) script("return document.querySelector('pl-schedule')." + call);
    }
}
