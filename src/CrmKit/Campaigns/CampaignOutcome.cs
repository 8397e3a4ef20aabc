namespace CrmKit;

/// <summary>
/// What happened to one assigned customer, the input of a campaign's evaluation. Checked when
/// created: a held-out customer is never contacted, a done task was contacted, and an accepted
/// offer came from a done task. Immutable.
/// </summary>
public sealed record CampaignOutcome
{
    /// <summary>Creates an outcome.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="offer">The offer the customer was assigned; null for the holdout.</param>
    /// <param name="contacted">True when the campaign tried to contact the customer (a task was made and attempted).</param>
    /// <param name="taskDone">True when the contact was made: the campaign's task was done.</param>
    /// <param name="accepted">True when the customer accepted the offer (the task closed with the accepted outcome).</param>
    /// <param name="responded">True when a response was attributed within the attribution window.</param>
    /// <param name="revenue">The revenue attributed within the window.</param>
    /// <exception cref="CrmValidationException">The flags contradict each other or the revenue is out of range.</exception>
    public CampaignOutcome(CustomerCode customer, string? offer, bool contacted, bool taskDone, bool accepted, bool responded, decimal revenue)
    {
        if (customer == default) throw new CrmValidationException("outcome.customer", "is required but was empty.");
        Offer = offer is null ? null : Require.Identifier(offer, "outcome.offer");
        if (offer is null && (contacted || taskDone || accepted))
            throw new CrmValidationException("outcome.contacted", $"customer '{customer}' is held out and cannot have been contacted by the campaign.");
        if (taskDone && !contacted) throw new CrmValidationException("outcome.taskDone", $"customer '{customer}' has a done task but was not contacted.");
        if (accepted && !taskDone) throw new CrmValidationException("outcome.accepted", $"customer '{customer}' accepted without a done task.");
        Customer = customer;
        Contacted = contacted;
        TaskDone = taskDone;
        Accepted = accepted;
        Responded = responded;
        Revenue = Require.Amount(revenue, "outcome.revenue");
    }

    /// <summary>The customer.</summary>
    public CustomerCode Customer { get; }

    /// <summary>The assigned offer's code; null for the holdout.</summary>
    public string? Offer { get; }

    /// <summary>The arm's name: the offer's code or <c>holdout</c>.</summary>
    public string Arm => Offer ?? CampaignOffer.HoldoutCode;

    /// <summary>True when the campaign tried to contact the customer.</summary>
    public bool Contacted { get; }

    /// <summary>True when the contact was made.</summary>
    public bool TaskDone { get; }

    /// <summary>True when the customer accepted the offer.</summary>
    public bool Accepted { get; }

    /// <summary>True when a response was attributed within the window.</summary>
    public bool Responded { get; }

    /// <summary>The revenue attributed within the window.</summary>
    public decimal Revenue { get; }
}
