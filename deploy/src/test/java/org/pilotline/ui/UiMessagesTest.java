package org.pilotline.ui;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The web UI's message bundles (ui/src/main/resources/web/app/i18n) say the same things, each in its own language. */
class UiMessagesTest {

    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{2,}");
    private static final Pattern CJK = Pattern.compile("[\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef]");

    private static Map<String, String> bundle(String language) throws IOException {
        try (InputStream in = UiMessagesTest.class.getResourceAsStream("/web/app/i18n/messages." + language + ".json")) {
            assertNotNull(in, "bundle " + language + " on the class path (from the ui jar)");
            return new ObjectMapper().readValue(in, new TypeReference<Map<String, String>>() { });
        }
    }

    @Test
    void bothBundlesHaveTheSameKeysAndNoEmptyMessage() throws IOException {
        Map<String, String> zh = bundle("zh-CN");
        Map<String, String> en = bundle("en");
        assertEquals(en.keySet(), zh.keySet());
        zh.forEach((k, v) -> assertTrue(!v.isBlank(), "zh-CN " + k));
        en.forEach((k, v) -> assertTrue(!v.isBlank(), "en " + k));
    }

    @Test
    void chineseMessagesHaveNoEnglishWordsAndEnglishOnesNoChinese() throws IOException {
        // The product's name and the API path named on the empty home page are the same in both languages.
        List<String> sameEverywhere = List.of("PilotLine", "/q/swagger-ui");
        bundle("zh-CN").forEach((key, message) -> {
            String words = message;
            for (String s : sameEverywhere) {
                words = words.replace(s, "");
            }
            assertTrue(!LATIN_WORD.matcher(words).find(), "zh-CN " + key + ": " + message);
        });
        bundle("en").forEach((key, message) -> {
            if (!key.equals("lang.name")) {
                assertTrue(!CJK.matcher(message).find(), "en " + key + ": " + message);
            }
        });
    }

    @Test
    void placeholdersMatchBetweenTheLanguages() throws IOException {
        Map<String, String> zh = bundle("zh-CN");
        Pattern placeholder = Pattern.compile("\\{\\d+}");
        bundle("en").forEach((key, message) -> assertEquals(
                placeholder.matcher(message).results().map(m -> m.group()).sorted().toList(),
                placeholder.matcher(zh.get(key)).results().map(m -> m.group()).sorted().toList(), key));
    }
}
