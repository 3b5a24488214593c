package dk.initiativ.network;

import java.util.List;
import java.util.Map;

import dk.initiativ.support.LocalModeTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** The staff-only partner registry endpoint through real HTTP (local identity mode, basic auth). */
@LocalModeTest
class PartnerApiTest {

    private static final String PASSWORD = "initiativ-demo";
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    @Autowired
    TestRestTemplate http;

    @Test
    void onlyStaffSeeThePartners() {
        assertThat(get(http, "/api/partners", "da", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get(as("citizen"), "/api/partners", "da", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get(as("contact"), "/api/partners", "da", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void managersSeeAllPartnersWithTheirDistrictNamed() {
        ResponseEntity<List<Map<String, Object>>> response = get(as("manager"), "/api/partners", "da", LIST);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).hasSize(8);
        Map<String, Object> tuse = response.getBody().stream()
                .filter(partner -> "Tuse Næs Borgerforening".equals(partner.get("name"))).findFirst().orElseThrow();
        assertThat(tuse).containsEntry("kind", "ASSOCIATION")
                .containsEntry("districts", List.of(Map.of("code", "tuse-naes", "name", "Tuse Næs")))
                .containsEntry("contactEmail", "borgerforening.tusenaes@example.org")
                .containsKeys("id", "description", "contactPhone", "topics");
        assertThat(response.getBody()).filteredOn(partner -> ((List<?>) partner.get("districts")).isEmpty())
                .isNotEmpty();
        // a volunteer's contact data is personal data: not in this list (ADR 0039)
        assertThat(response.getBody()).filteredOn(partner -> "VOLUNTEER".equals(partner.get("kind"))).isNotEmpty()
                .allSatisfy(volunteer -> assertThat(volunteer.get("contactEmail")).isNull());
    }

    @Test
    void partnersCanBeFilteredByKind() {
        ResponseEntity<List<Map<String, Object>>> response = get(as("manager"), "/api/partners?kind=PREMISES", "en", LIST);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).extracting(partner -> partner.get("name"))
                .containsExactly("Kulturhuset Svinninge", "Mørkøv Forsamlingshus");
        assertThat(response.getBody()).extracting(partner -> partner.get("districts"))
                .containsExactly(List.of(Map.of("code", "svinninge", "name", "Svinninge")),
                        List.of(Map.of("code", "moerkoev", "name", "Mørkøv")));
    }

    @Test
    void anUnknownKindIsAProblemInTheCallersLanguage() {
        ResponseEntity<Map> danish = get(as("manager"), "/api/partners?kind=CASTLE", "da", Map.class);
        assertThat(danish.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(danish.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(danish.getBody()).containsEntry("title", "Ugyldig parameter")
                .containsEntry("detail", "Parameteren kind kan ikke have værdien \"CASTLE\".");

        ResponseEntity<Map> english = get(as("manager"), "/api/partners?kind=CASTLE", "en", Map.class);
        assertThat(english.getBody()).containsEntry("title", "Invalid parameter")
                .containsEntry("detail", "The parameter kind cannot have the value \"CASTLE\".");
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, PASSWORD);
    }

    private static <T> ResponseEntity<T> get(TestRestTemplate client, String path, String language, Class<T> type) {
        return client.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(language)), type);
    }

    private static <T> ResponseEntity<T> get(TestRestTemplate client, String path, String language,
            ParameterizedTypeReference<T> type) {
        return client.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(language)), type);
    }

    private static HttpHeaders headers(String language) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        return headers;
    }
}
