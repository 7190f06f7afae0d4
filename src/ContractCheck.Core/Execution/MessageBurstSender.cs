namespace ContractCheck.Core.Execution;

/// <summary>
/// A burst over an <see cref="HttpMessageInvoker"/>: a caller's handler (an ASP.NET Core test server, in process),
/// or a request the raw sender cannot write. Answers kept whole are read as every other answer is.
/// </summary>
internal sealed class MessageBurstSender : IBurstSender
{
    private readonly HttpMessageInvoker _invoker;
    private readonly SentRequest _request;
    private readonly int _cap;

    public MessageBurstSender(HttpMessageInvoker invoker, SentRequest request, int cap)
    {
        _invoker = invoker;
        _request = request;
        _cap = cap;
    }

    public Task SendAsync(BurstTally tally, CancellationToken cancellationToken) => BurstLanes.SendAsync(() => new Lane(this), tally, cancellationToken);

    public void Dispose() => _invoker.Dispose();

    private sealed class Lane(MessageBurstSender sender) : IBurstLane
    {
        private readonly byte[] _drain = new byte[16 * 1024];

        public Task ConnectAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task<ReceivedResponse> SendAsync(Func<int, bool> whole, CancellationToken cancellationToken)
        {
            using var message = MessageTransport.ToMessage(sender._request);
            using var response = await sender._invoker.SendAsync(message, cancellationToken);
            var status = (int)response.StatusCode;
            return whole(status) ? await MessageTransport.ReadAsync(response, sender._cap, cancellationToken) : await DrainAsync(response, status, cancellationToken);
        }

        private async Task<ReceivedResponse> DrainAsync(HttpResponseMessage response, int status, CancellationToken cancellationToken)
        {
            await using (var stream = await response.Content.ReadAsStreamAsync(cancellationToken))
            {
                while (await stream.ReadAsync(_drain, cancellationToken) > 0)
                {
                }
            }

            var headers = new List<KeyValuePair<string, string>>();
            foreach (var name in BurstAnswers.LimitingHeaders)
            {
                if (response.Headers.TryGetValues(name, out var values))
                {
                    headers.AddRange(values.Select(v => new KeyValuePair<string, string>(name, v)));
                }
            }

            return new ReceivedResponse(status, null, "", headers, [], false);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
