package org.luoshi.common.input;

import java.io.IOException;
import java.time.LocalDate;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * The JSON side of the one input rule (see {@link StrictParameters}): request bodies are read as the types they
 * declare and nothing looser. An enum is one of its names, never a number read as an ordinal ({@code {"decision":1}});
 * a date is an ISO string, never a number read as days since 1970 ({@code "dueDate":20210101}); no text carries a NUL
 * character, which PostgreSQL refuses. Each answers 400 naming the field (ProblemMappers).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.configOverride(LocalDate.class).setFormat(JsonFormat.Value.forLeniency(false));
        mapper.registerModule(new SimpleModule("luoshi-strict-text").addDeserializer(String.class, new NoNulText()));
    }

    /** A text value with a NUL character in it, named by the field it came in. */
    public static final class NulCharacterException extends InvalidFormatException {
        NulCharacterException(JsonParser parser, String value) {
            super(parser, "text must not contain the NUL character (U+0000)", value, String.class);
        }
    }

    /** Jackson's own reading of text, refusing the NUL character. */
    static final class NoNulText extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext context) throws IOException {
            String value = super.deserialize(p, context);
            if (value != null && value.indexOf('\0') >= 0) {
                throw new NulCharacterException(p, value);
            }
            return value;
        }
    }
}
