package io.firstcall.engine.routing;

import io.firstcall.engine.lead.LeadTable;
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

    public boolean matches(final LeadTable leads, final int lead)
    {
        return listed(industries, leads, lead, LeadTable.INDUSTRY) || listed(regions, leads, lead, LeadTable.REGION) ||
            listed(products, leads, lead, LeadTable.PRODUCT);
    }

    private static boolean listed(final NameList names, final LeadTable leads, final int lead, final int field)
    {
        return !names.isEmpty() && !leads.profileEmpty(lead, field) && NameList.MISSING !=
            names.find(leads.profileBuffer(), leads.profileOffset(lead, field), leads.profileLength(lead, field));
    }
}
