package io.firstcall.gateway.dashboard;

import io.firstcall.gateway.support.Conditions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * Headless Chromium (Debian's chromium and chromedriver, found on the PATH) driven by Selenium, with
 * the flags that keep it off the network, a fresh profile per browser, and the page's console kept.
 * Without chromium the browser tests are skipped on a developer's machine and fail under CI, where
 * {@code .ci/run} installs it.
 */
final class Browser implements AutoCloseable
{
    static final long TIMEOUT_MS = 10_000;
    private static final String[] FLAGS = {"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--window-size=1400,1000"};

    /** Selenium warns at every start that it has no DevTools module for this Chromium; none is used. */
    private static final java.util.logging.Logger CDP_LOG = quiet("org.openqa.selenium.devtools.CdpVersionFinder");

    private final Path profile;
    private final ChromeDriver driver;

    private Browser(final Path chromium, final Path chromedriver)
    {
        try
        {
            profile = Files.createTempDirectory("firstcall-chromium-");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        final ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments(FLAGS);
        options.addArguments("--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        final ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(chromedriver.toFile())
            .usingAnyFreePort()
            .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    }

    /**
     * @return a new browser; the test is skipped when chromium is not installed, unless under CI.
     */
    static Browser open()
    {
        final Optional<Path> chromium = onPath("chromium");
        final Optional<Path> chromedriver = onPath("chromedriver");
        final boolean installed = chromium.isPresent() && chromedriver.isPresent();
        if (!installed && null != System.getenv("CI"))
        {
            throw new AssertionError("chromium and chromedriver must be on the PATH under CI (.ci/run installs them)");
        }
        Assumptions.assumeTrue(installed, "chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        return new Browser(chromium.get(), chromedriver.get());
    }

    ChromeDriver driver()
    {
        return driver;
    }

    Browser get(final String url)
    {
        driver.get(url);
        return this;
    }

    /**
     * Sign in with the form: the token never goes into a URL.
     */
    Browser login(final String token, final String tenant, final String rep)
    {
        await("the sign-in form", () -> driver.findElement(By.id("token")).isDisplayed());
        driver.findElement(By.id("token")).sendKeys(token);
        if (null != tenant)
        {
            driver.findElement(By.id("tenant")).sendKeys(tenant);
        }
        if (null != rep)
        {
            driver.findElement(By.id("rep")).sendKeys(rep);
        }
        driver.findElement(By.id("login-button")).click();
        return this;
    }

    Browser awaitLive()
    {
        await("the dashboard live", () -> "live".equals(body("connection")) && "done".equals(body("snapshot")));
        return this;
    }

    String body(final String data)
    {
        return (String)script("return document.body.dataset['" + data + "'] || null");
    }

    Object script(final String js)
    {
        return ((JavascriptExecutor)driver).executeScript(js);
    }

    /**
     * Type in the board's search box, so the lead's row is in view however many leads there are.
     */
    void search(final String text)
    {
        final WebElement filter = driver.findElement(By.id("filter"));
        // clear() fires no input event: select and delete as a person would.
        filter.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        if (!text.isEmpty())
        {
            filter.sendKeys(text);
        }
    }

    /**
     * @return the text of the board row of {@code key} (tenant/lead/episode), or null when not shown.
     */
    String row(final String key)
    {
        return text(By.cssSelector("#board-rows .lead-row[data-key='" + key + "']"));
    }

    /**
     * @return whether the board row of {@code key} is shown and holds {@code text}.
     */
    boolean rowContains(final String key, final String text)
    {
        final String row = row(key);
        return null != row && row.contains(text);
    }

    /**
     * @return whether the first element found holds {@code text}.
     */
    boolean contains(final By by, final String text)
    {
        final String found = text(by);
        return null != found && found.contains(text);
    }

    String text(final By by)
    {
        try
        {
            final List<WebElement> found = driver.findElements(by);
            return found.isEmpty() ? null : found.get(0).getText();
        }
        catch (final StaleElementReferenceException ex)
        {
            return null;
        }
    }

    /**
     * @return the page's console errors and uncaught exceptions so far.
     */
    List<String> consoleErrors()
    {
        final List<String> errors = new ArrayList<>();
        for (final LogEntry entry : driver.manage().logs().get(LogType.BROWSER))
        {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue())
            {
                errors.add(entry.getMessage());
            }
        }
        return errors;
    }

    byte[] screenshot()
    {
        return driver.getScreenshotAs(OutputType.BYTES);
    }

    void await(final String what, final Supplier<Boolean> condition)
    {
        await(what, condition, TIMEOUT_MS);
    }

    void await(final String what, final Supplier<Boolean> condition, final long timeoutMs)
    {
        Conditions.await(() -> what + "; console errors: " + consoleErrors(), () ->
        {
            try
            {
                return Boolean.TRUE.equals(condition.get());
            }
            catch (final StaleElementReferenceException ex)
            {
                // The page redrew the element while it was read: ask again.
                return false;
            }
        }, timeoutMs);
    }

    public void close()
    {
        try
        {
            driver.quit();
        }
        finally
        {
            try (Stream<Path> files = Files.walk(profile))
            {
                files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).map(Path::toFile).forEach(File::delete);
            }
            catch (final IOException ex)
            {
                // A profile left in the temp directory harms nothing.
            }
        }
    }

    private static java.util.logging.Logger quiet(final String name)
    {
        final java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    private static Optional<Path> onPath(final String command)
    {
        final String path = System.getenv("PATH");
        if (null == path)
        {
            return Optional.empty();
        }
        for (final String dir : path.split(File.pathSeparator))
        {
            final Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate))
            {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
