package io.firstcall.gateway.dashboard;

import io.firstcall.gateway.TenantAccess;
import io.firstcall.gateway.support.GatewayFixture;
import io.firstcall.gateway.support.LineClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.firstcall.gateway.support.GatewayFixture.ACME;
import static io.firstcall.gateway.support.GatewayFixture.ACME_REP_TOKEN;
import static io.firstcall.gateway.support.GatewayFixture.ACME_SOURCE_TOKEN;
import static io.firstcall.gateway.support.GatewayFixture.GLOBEX;
import static io.firstcall.gateway.support.GatewayFixture.GLOBEX_REP_TOKEN;
import static io.firstcall.gateway.support.GatewayFixture.GLOBEX_SOURCE_TOKEN;
import static io.firstcall.gateway.support.GatewayFixture.OPS_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard in a real browser (headless Chromium driven by Selenium) against a real server on
 * loopback: every test starts its own server and its own browser, and waits on the page against a
 * deadline. Leads go in over TCP as a lead platform sends them.
 */
class DashboardBrowserTest
{
    static final String ACME_MANAGER_TOKEN = "acme-manager-secret";
    static final String ACME_RULES = String.join("\n",
        "tenant: acme",
        "hot:",
        "  forms: [demo_request]",
        "claim:",
        "  window: 10m",
        "  managerQueue: acme-managers",
        "teams:",
        "  - id: west",
        "    visibility: all",
        "    territory: {regions: [us-west]}",
        "  - id: east",
        "    visibility: all",
        "    claimWindow: 1s",
        "    managerQueue: east-managers",
        "    territory: {regions: [us-east]}",
        "reps:",
        "  - {id: w1, name: Wren West, team: west}",
        "  - {id: w2, team: west}",
        "  - {id: e1, name: Eli East, team: east}",
        "");

    @TempDir
    Path dataDir;

    private GatewayFixture server;
    private Browser browser;

    @AfterEach
    void tearDown()
    {
        if (null != browser)
        {
            browser.close();
        }
        if (null != server)
        {
            server.close();
        }
    }

    @Test
    void shouldLoadWithoutConsoleErrors()
    {
        launch();
        browser = Browser.open();
        browser.get(pageUrl()).login(OPS_TOKEN, null, null).awaitLive();
        browser.await("the first latency and speed-to-lead figures",
            () -> null != browser.text(By.cssSelector("#speed .note")) && null != browser.text(By.cssSelector("#latency-chart .uplot")));

        assertEquals("operator", browser.body("role"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void shouldShowAHotLeadSentOverTcpWithinOneSecondAndItsClaim()
    {
        launch();
        browser = Browser.open();
        browser.get(pageUrl()).login(ACME_MANAGER_TOKEN, null, null).awaitLive();
        try (LineClient source = source(); LineClient rep = rep("w1"))
        {
            presence(source, "w1", "w2");
            hotLead(source, "W1", "Ada Lovelace", "us-west");
            final long ackedNs = System.nanoTime();
            browser.await("W1 on the board", () -> null != browser.row("acme/W1/1"), 1_000);
            final long shownMs = (System.nanoTime() - ackedNs) / 1_000_000;
            assertTrue(shownMs <= 1_000, "shown " + shownMs + " ms after its ack");
            browser.await("W1's reasons, alerted reps and countdown", () -> browser.rowContains("acme/W1/1", "Ada Lovelace") &&
                browser.rowContains("acme/W1/1", "form:demo_request") && browser.rowContains("acme/W1/1", "w1") &&
                browser.rowContains("acme/W1/1", "w2") && browser.rowContains("acme/W1/1", "left"));

            rep.send("{\"type\":\"call\",\"id\":\"c-W1\",\"lead\":\"W1\",\"outcome\":\"started\"}");
            browser.await("W1 claimed by w1", () -> browser.rowContains("acme/W1/1", "CLAIMED"));
            browser.await("who claimed it and how fast", () -> browser.rowContains("acme/W1/1", "w1 in"));
            browser.await("w1's claim in the reps panel", () ->
                browser.contains(By.cssSelector("#reps tr[data-rep='w1']"), "100%"));
            browser.await("the call in the speed-to-lead figures: one lead called within 5 minutes, by w1", () ->
                "1".equals(browser.text(By.cssSelector("#speed .speed-tenant[data-tenant='acme'] tr[data-bucket='le5m'] td:nth-child(2)"))) &&
                "1".equals(browser.text(By.cssSelector("#speed .speed-tenant[data-tenant='acme'] .speed-reps tr[data-rep='w1'] td:nth-child(2)"))));
        }
    }

    @Test
    void shouldShowAnEscalationInTheManagerQueue()
    {
        launch();
        browser = Browser.open();
        browser.get(pageUrl()).login(ACME_MANAGER_TOKEN, null, null).awaitLive();
        try (LineClient source = source())
        {
            presence(source, "e1");
            hotLead(source, "E1", "Eve", "us-east");
            browser.await("E1 in the east managers' queue",
                () -> null != browser.text(By.cssSelector("#queue .queue-row[data-key='acme/E1/1']")), 5_000);
            browser.await("the queue's name", () ->
                browser.contains(By.cssSelector("#queue .queue-row[data-key='acme/E1/1']"), "east-managers"));
            browser.await("E1 queued on the board", () -> browser.rowContains("acme/E1/1", "QUEUED"));
        }
    }

    @Test
    void shouldRenderTheLatencyChartWithData()
    {
        launch();
        browser = Browser.open();
        browser.get(pageUrl()).login(OPS_TOKEN, null, null).awaitLive();
        try (LineClient source = source())
        {
            for (int i = 0; i < 20; i++)
            {
                hotLead(source, "L" + i, "n", "us-west");
            }
        }
        browser.await("the latency plot with points", () ->
        {
            final Object count = browser.script("return document.getElementById('latency-chart').dataset.count || '0'");
            final Object points = browser.script("return document.getElementById('latency-chart').dataset.points || '0'");
            return Long.parseLong((String)count) > 0 && Integer.parseInt((String)points) > 2;
        });
        assertTrue((Boolean)browser.script(
            "return document.querySelectorAll('#latency-chart .uplot canvas').length > 0"), "a uPlot canvas");
        browser.driver().findElement(By.cssSelector("#latency-view button[data-view='cumulative']")).click();
        browser.await("the cumulative view", () -> Long.parseLong((String)browser.script(
            "return document.getElementById('latency-chart').dataset.count || '0'")) >= 40);
    }

    @Test
    void shouldStayResponsiveWithTenThousandLeadsOnTheBoard()
    {
        final int leads = 10_000;
        launch();
        browser = Browser.open();
        browser.get(pageUrl()).login(ACME_MANAGER_TOKEN, null, null).awaitLive();
        try (LineClient source = source())
        {
            final int batch = 400;
            for (int sent = 0; sent < leads; sent += batch)
            {
                for (int i = sent; i < sent + batch; i++)
                {
                    source.send("{\"type\":\"form\",\"id\":\"f" + i + "\",\"lead\":\"M" + i + "\",\"form\":\"demo_request\"}");
                }
                for (int i = 0; i < batch; i++)
                {
                    assertEquals("ack", source.read().get("type"));
                }
            }
        }
        browser.await("every lead on the board", () -> String.valueOf(leads).equals(browser.body("leads")), 30_000);

        final long rows = (Long)browser.script("return document.querySelectorAll('#board-rows .lead-row').length");
        assertTrue(rows > 0 && rows < 60, "only the rows in view are in the page: " + rows);
        final long searchNs = System.nanoTime();
        browser.search("M1234");
        browser.await("the search's row", () -> null != browser.row("acme/M1234/1") &&
            null == browser.row("acme/M9999/1"));
        final long searchMs = (System.nanoTime() - searchNs) / 1_000_000;
        browser.search("");
        browser.script("const b = document.getElementById('board'); b.scrollTop = b.scrollHeight;");
        browser.await("the oldest lead at the bottom", () -> null != browser.row("acme/M0/1"));
        System.out.println("dashboard: " + leads + " leads on the board, search shown in " + searchMs + " ms");
    }

    @Test
    void shouldRefuseAWrongToken()
    {
        launch();
        browser = Browser.open();
        browser.get(pageUrl()).login("not-a-token", null, null);
        browser.await("refused", () -> "refused".equals(browser.body("connection")));

        assertEquals("That token was refused.", browser.text(By.id("login-error")));
        assertTrue(browser.driver().findElement(By.id("login")).isDisplayed());
        assertTrue(!browser.driver().findElement(By.id("app")).isDisplayed());
        assertNull(browser.body("leads"), "no board was sent");
    }

    @Test
    void shouldShowARepTheirOwnQueueAndNothingOfAnotherTeamOrTenant()
    {
        launch();
        browser = Browser.open();
        browser.get(pageUrl()).login(ACME_REP_TOKEN, ACME, "w1").awaitLive();
        try (LineClient source = source(); LineClient globex = globexSource())
        {
            presence(source, "w1", "e1");
            hotLead(source, "E2", "Eve", "us-east");
            hotLead(source, "W2", "Ada", "us-west");
            presence(globex, "w1");
            hotLead(globex, "G1", "Gus", "us-west");
            browser.await("W2 in w1's queue", () -> null != browser.row("acme/W2/1"));
        }
        assertEquals("1", browser.body("leads"), "only W2: E2 is the east team's, G1 another tenant's");
        assertNull(browser.row("acme/E2/1"));
        assertEquals(1, browser.driver().findElements(By.cssSelector("#reps tr")).size(), "w1's own row only");
        assertTrue(!browser.driver().findElement(By.id("queue-panel")).isDisplayed());
        assertTrue(!browser.driver().findElement(By.id("latency-panel")).isDisplayed());
    }

    @Test
    void shouldReconnectByItselfAfterAServerRestart()
    {
        launch();
        final int httpPort = server.gateway().httpPort();
        browser = Browser.open();
        browser.get(pageUrl()).login(ACME_MANAGER_TOKEN, null, null).awaitLive();
        try (LineClient source = source())
        {
            presence(source, "w1");
            hotLead(source, "R1", "Before", "us-west");
        }
        browser.await("R1 on the board", () -> null != browser.row("acme/R1/1"));

        server.close();
        browser.await("the page noticing", () -> !"live".equals(browser.body("connection")));
        server.gatewayContext().httpPort(httpPort);
        server.launch();
        browser.await("live again", () -> "live".equals(browser.body("connection")), 15_000);
        try (LineClient source = source())
        {
            hotLead(source, "R2", "After", "us-west");
        }
        browser.await("R2 after the restart", () -> null != browser.row("acme/R2/1"));
        assertTrue(null != browser.row("acme/R1/1"), "R1 again, from the journals");
    }

    private void launch()
    {
        server = new GatewayFixture(dataDir);
        server.gatewayContext()
            .tenant(new TenantAccess(ACME, ACME_SOURCE_TOKEN, ACME_REP_TOKEN, Map.of(), ACME_MANAGER_TOKEN));
        server.engineContext().tenant(ACME, ACME_RULES).ticksEnabled(true).tickIntervalMs(50);
        server.launch();
    }

    private String pageUrl()
    {
        return "http://127.0.0.1:" + server.gateway().httpPort() + "/";
    }

    private LineClient source()
    {
        return server.acmeSource();
    }

    private LineClient globexSource()
    {
        final LineClient client = server.json();
        assertEquals("welcome", client.hello(GLOBEX, GLOBEX_SOURCE_TOKEN).get("type"));
        return client;
    }

    private LineClient rep(final String rep)
    {
        final LineClient client = server.json();
        assertEquals("welcome", client.helloRep(ACME, ACME_REP_TOKEN, rep).get("type"));
        return client;
    }

    private static void presence(final LineClient source, final String... reps)
    {
        for (final String rep : reps)
        {
            source.send("{\"type\":\"presence\",\"id\":\"p-" + rep + "\",\"rep\":\"" + rep + "\",\"status\":\"available\"}");
            assertEquals("ack", source.read().get("type"));
        }
    }

    private static void hotLead(final LineClient source, final String lead, final String name, final String region)
    {
        source.send("{\"type\":\"lead\",\"id\":\"" + lead + "-p\",\"lead\":\"" + lead + "\",\"name\":\"" + name +
            "\",\"region\":\"" + region + "\"}");
        source.send("{\"type\":\"form\",\"id\":\"" + lead + "-f\",\"lead\":\"" + lead + "\",\"form\":\"demo_request\"}");
        for (int i = 0; i < 2; i++)
        {
            final Map<String, Object> ack = source.read();
            assertEquals("ack", ack.get("type"), ack.toString());
        }
    }
}
