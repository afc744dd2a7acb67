namespace RiskPlatform.Web.Session;

/// <summary>
/// The tab's question "type a code from your authenticator": <see cref="Client.RiskPlatformClient"/> asks it when the API answers
/// 403 <c>mfa.required</c>, the layout's <c>MfaStepUpDialog</c> shows it, steps up and answers. Requests of the tab
/// that need it at the same time share one question. Without a dialog on screen it answers "cancelled" at once.
/// </summary>
public sealed class MfaStepUpPrompt
{
    private readonly Lock _gate = new();
    private TaskCompletionSource<bool>? _pending;

    /// <summary>True while a request waits for the user's code.</summary>
    public bool IsOpen
    {
        get
        {
            lock (_gate)
            {
                return _pending is not null;
            }
        }
    }

    /// <summary>Raised when the question opens or closes (the dialog renders then).</summary>
    public event Action? Changed;

    /// <summary>True once a proof was kept in the session, false when the user cancelled (or nobody can answer).</summary>
    internal Task<bool> AskAsync(CancellationToken cancellationToken)
    {
        if (Changed is null)
        {
            return Task.FromResult(false);
        }

        Task<bool> answer;
        lock (_gate)
        {
            _pending ??= new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            answer = _pending.Task;
        }

        Changed?.Invoke();
        return answer.WaitAsync(cancellationToken);
    }

    /// <summary>The step-up succeeded: the waiting requests go again with the proof.</summary>
    public void Proved() => Answer(true);

    /// <summary>The user declined: the waiting requests end undone.</summary>
    public void Cancel() => Answer(false);

    private void Answer(bool proved)
    {
        TaskCompletionSource<bool>? pending;
        lock (_gate)
        {
            pending = _pending;
            _pending = null;
        }

        pending?.TrySetResult(proved);
        Changed?.Invoke();
    }
}
