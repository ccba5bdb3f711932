package org.luoshi.workflow.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PeopleNamesTest {

    @Test
    void aChineseNameIsWrittenFamilyNameFirstWithoutASpace() {
        assertEquals("陈静", PeopleNames.displayName("静", "陈"));
    }

    @Test
    void aLatinNameIsWrittenGivenNameFirst() {
        assertEquals("Jane Doe", PeopleNames.displayName("Jane", "Doe"));
    }

    @Test
    void oneHalfAloneIsTheNameAndNoneIsNoName() {
        assertEquals("陈", PeopleNames.displayName(null, " 陈 "));
        assertNull(PeopleNames.displayName(" ", null));
    }
}
