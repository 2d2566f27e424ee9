using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace DogClassifier.Api;

/// <summary>
/// Answers a request body that cannot be read as a form with ProblemDetails and the client-error
/// status it deserves, instead of 500: a body over the size limit gets 413, a malformed one 400.
/// Other exceptions are left to the default handler.
/// </summary>
/// <remarks>
/// Minimal APIs throw <see cref="BadHttpRequestException"/> for a form they cannot read when
/// <see cref="RouteHandlerOptions.ThrowOnBadRequest"/> is on, which the service turns on in every
/// environment. Requests they refuse without throwing (a body that is not a form, or one Kestrel
/// found too large) keep the status the framework gives them and get their ProblemDetails body
/// from the status-code pages.
/// </remarks>
internal sealed class RequestErrorHandler(
    IProblemDetailsService problems, IOptions<ServiceOptions> options, ILogger<RequestErrorHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(
        HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var status = StatusFor(httpContext.Request, exception);
        if (status == 0 || httpContext.Response.HasStarted)
        {
            return false;
        }

        var tooLarge = status == StatusCodes.Status413PayloadTooLarge;
        var detail = tooLarge
            ? $"The request body is over the limit of {options.Value.RequestBodyLimit:N0} bytes."
            : exception.Message;
        Log.UploadRefused(logger, "request body", status, detail);
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = status, Title = tooLarge ? "The image is too large." : null, Detail = detail },
        });
    }

    private int StatusFor(HttpRequest request, Exception exception) => exception switch
    {
        BadHttpRequestException { InnerException: InvalidDataException inner } => StatusFor(request, inner),
        BadHttpRequestException bad => bad.StatusCode,
        InvalidDataException when IsOverLimit(request, exception) => StatusCodes.Status413PayloadTooLarge,
        InvalidDataException => StatusCodes.Status400BadRequest,
        _ => 0,
    };

    private bool IsOverLimit(HttpRequest request, Exception exception) =>
        request.ContentLength > options.Value.RequestBodyLimit
        || exception.Message.Contains("body length limit", StringComparison.OrdinalIgnoreCase);
}
