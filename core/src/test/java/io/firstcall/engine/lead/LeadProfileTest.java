package io.firstcall.engine.lead;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeadProfileTest
{
    private final LeadProfile profile = new LeadProfile();

    @Test
    void shouldKeepEveryFieldWhenOthersGrowOrShrink()
    {
        set(LeadProfile.TIMEZONE, "Europe/Berlin");
        set(LeadProfile.EMAIL, "ann@x.io");
        set(LeadProfile.COMPANY, "X Ltd");
        set(LeadProfile.NAME, "Ann");
        set(LeadProfile.COMPANY, "X Group International Holdings, a company with a name longer than the array");
        set(LeadProfile.EMAIL, "a@x");
        set(LeadProfile.OWNER, "r7");

        assertEquals("a@x", profile.toString(LeadProfile.EMAIL));
        assertEquals("", profile.toString(LeadProfile.PHONE));
        assertEquals("Ann", profile.toString(LeadProfile.NAME));
        assertEquals("X Group International Holdings, a company with a name longer than the array",
            profile.toString(LeadProfile.COMPANY));
        assertEquals("r7", profile.toString(LeadProfile.OWNER));
        assertEquals("Europe/Berlin", profile.toString(LeadProfile.TIMEZONE));
        assertTrue(profile.isEmpty(LeadProfile.SOURCE));
        assertEquals(profile.offset(LeadProfile.NAME) + 3, profile.offset(LeadProfile.COMPANY), "fields back to back");
    }

    @Test
    void shouldCompareAFieldWithBytes()
    {
        set(LeadProfile.INDUSTRY, "saas");
        final byte[] saas = "xxsaasxx".getBytes(StandardCharsets.UTF_8);

        assertTrue(profile.equalTo(LeadProfile.INDUSTRY, new UnsafeBuffer(saas), 2, 4));
        assertFalse(profile.equalTo(LeadProfile.INDUSTRY, new UnsafeBuffer(saas), 2, 5));
        assertFalse(profile.equalTo(LeadProfile.REGION, new UnsafeBuffer(saas), 2, 4));
    }

    @Test
    void shouldRefuseAFieldLongerThanItsLengthByte()
    {
        assertThrows(IllegalArgumentException.class, () -> set(LeadProfile.NAME, "n".repeat(256)));
        set(LeadProfile.NAME, "n".repeat(255));
        assertEquals(255, profile.length(LeadProfile.NAME));
    }

    private void set(final int field, final String value)
    {
        final byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        profile.set(field, new UnsafeBuffer(bytes), 0, bytes.length);
    }
}
