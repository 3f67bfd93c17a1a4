package io.firstcall.engine.lead;

/**
 * One lead's profile and recent activity, owned by the engine thread. Created once when the lead
 * is first seen and updated in place afterwards. What scoring and routing keep about a lead lives
 * in their own tables, by {@link #index()}.
 */
public final class Lead
{
    public static final int NO_EMPLOYEES = -1;

    private final int index;
    private final long createdNs;
    private final TextField email = new TextField();
    private final TextField phone = new TextField();
    private final TextField name = new TextField();
    private final TextField company = new TextField();
    private final TextField industry = new TextField();
    private final TextField region = new TextField();
    private final TextField product = new TextField();
    private final TextField source = new TextField();
    private final TextField owner = new TextField();
    private final TextField timezone = new TextField();
    private final RecentActivity activity = new RecentActivity();
    private int employees = NO_EMPLOYEES;

    Lead(final int index, final long createdNs)
    {
        this.index = index;
        this.createdNs = createdNs;
    }

    /**
     * @return the lead's dense index in its tenant, stable for the life of the engine.
     */
    public int index()
    {
        return index;
    }

    public long createdNs()
    {
        return createdNs;
    }

    public TextField email()
    {
        return email;
    }

    public TextField phone()
    {
        return phone;
    }

    public TextField name()
    {
        return name;
    }

    public TextField company()
    {
        return company;
    }

    public TextField industry()
    {
        return industry;
    }

    public TextField region()
    {
        return region;
    }

    public TextField product()
    {
        return product;
    }

    public TextField source()
    {
        return source;
    }

    /**
     * The owner as given by the lead's events, or as routing last assigned it.
     */
    public TextField owner()
    {
        return owner;
    }

    public TextField timezone()
    {
        return timezone;
    }

    public int employees()
    {
        return employees;
    }

    public void employees(final int employees)
    {
        this.employees = employees;
    }

    /**
     * @return the lead's recent activity.
     */
    public RecentActivity activity()
    {
        return activity;
    }
}
