package dk.initiativ.catalog;

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

/** The public catalog endpoints the citizen form reads, without login, in the caller's language. */
@LocalModeTest
class CatalogApiTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void topicsAreNamedInDanishForDanishCallers() {
        ResponseEntity<List<Map<String, Object>>> response = get("/api/catalog/topics", "da");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(response.getBody()).hasSize(8)
                .contains(Map.of("code", "natur-miljoe", "name", "Natur og miljø"))
                .contains(Map.of("code", "idraet-bevaegelse", "name", "Idræt og bevægelse"));
    }

    @Test
    void topicsAreNamedInEnglishForEnglishCallers() {
        ResponseEntity<List<Map<String, Object>>> response = get("/api/catalog/topics", "en-GB,en;q=0.9");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody())
                .contains(Map.of("code", "natur-miljoe", "name", "Nature and environment"))
                .contains(Map.of("code", "aeldre", "name", "Older people"));
    }

    @Test
    void districtsInBothLanguagesAndDanishByDefault() {
        assertThat(get("/api/catalog/districts", "da").getBody()).hasSize(6)
                .contains(Map.of("code", "holbaek-by", "name", "Holbæk By"));
        assertThat(get("/api/catalog/districts", "en").getBody())
                .contains(Map.of("code", "holbaek-by", "name", "Holbæk town"));
        assertThat(get("/api/catalog/districts", null).getBody())
                .contains(Map.of("code", "holbaek-by", "name", "Holbæk By"));
    }

    private ResponseEntity<List<Map<String, Object>>> get(String path, String language) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        if (language != null) {
            headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        }
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers),
                new ParameterizedTypeReference<List<Map<String, Object>>>() { });
    }
}
