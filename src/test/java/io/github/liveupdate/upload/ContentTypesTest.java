package io.github.liveupdate.upload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentTypesTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "0123456789abcdef0123456789abcdef01234567|application/octet-stream",
                "liveupdate.game.dmanifest|application/octet-stream",
                "game.zip|application/zip",
                "dmengine.wasm|application/wasm",
                "dmloader.js|text/javascript",
                "settings.json|application/json",
                "index.html|text/html; charset=utf-8",
                "INDEX.HTM|text/html; charset=utf-8",
                "style.css|text/css; charset=utf-8",
                "notes.txt|text/plain; charset=utf-8",
                "splash.png|image/png",
                "photo.JPG|image/jpeg",
                "logo.svg|image/svg+xml",
                "game.arcd|application/octet-stream",
                "no-extension|application/octet-stream",
                "trailing.|application/octet-stream",
            })
    void typesByName(String name, String expected) {
        assertThat(ContentTypes.of(name)).isEqualTo(expected);
    }
}
