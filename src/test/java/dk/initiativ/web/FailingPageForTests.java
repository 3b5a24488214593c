package dk.initiativ.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Test sources only: a page that fails as a bug would, so that the browser tests can see the friendly 500
 * page. Behind login like every unlisted path.
 */
@Controller
@HtmlPage
@NotAccessLogged("a test page that fails on purpose; shows no data")
class FailingPageForTests {

    @GetMapping("/test-support/failing-page")
    String fail() {
        throw new IllegalStateException("A failure the error-page tests provoke on purpose");
    }
}
