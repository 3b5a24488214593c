package dk.initiativ.web;

import dk.initiativ.web.NotAccessLogged;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The local login form. (The start page, the public form, is {@code submission.SubmissionFormController}.) */
@Controller
@NotAccessLogged("the login page")
class PagesController {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
