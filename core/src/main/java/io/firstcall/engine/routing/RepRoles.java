package io.firstcall.engine.routing;

import io.firstcall.engine.lead.Lead;
import io.firstcall.engine.lead.LeadProfile;
import io.firstcall.engine.scoring.NameList;

/**
 * Industries, regions and product lines: a rep's roles, or a team's territory. A lead matches when
 * any one of its industry, region or product is listed (ASCII case-insensitive).
 */
public final class RepRoles
{
    private final NameList industries;
    private final NameList regions;
    private final NameList products;

    public RepRoles(final NameList industries, final NameList regions, final NameList products)
    {
        this.industries = industries;
        this.regions = regions;
        this.products = products;
    }

    public boolean isEmpty()
    {
        return industries.isEmpty() && regions.isEmpty() && products.isEmpty();
    }

    public boolean matches(final Lead lead)
    {
        final LeadProfile profile = lead.profile();
        return listed(industries, profile, LeadProfile.INDUSTRY) || listed(regions, profile, LeadProfile.REGION) ||
            listed(products, profile, LeadProfile.PRODUCT);
    }

    private static boolean listed(final NameList names, final LeadProfile profile, final int field)
    {
        return !names.isEmpty() && !profile.isEmpty(field) &&
            NameList.MISSING != names.find(profile.buffer(), profile.offset(field), profile.length(field));
    }
}
