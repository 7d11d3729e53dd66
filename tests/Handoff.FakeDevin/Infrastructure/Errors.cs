using System.Text.Json.Serialization;

namespace Handoff.FakeDevin.Infrastructure;

/// <summary>One field-level validation failure, FastAPI style.</summary>
public sealed record FieldError(IReadOnlyList<object> Loc, string Msg, string Type);

public sealed record ProblemDetailBody(
    string Type,
    string Title,
    int Status,
    string? Detail,
    string Instance,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<FieldError>? Errors);

public sealed record FastApiValidationBody(IReadOnlyList<FieldError> Detail);

public sealed record FastApiDetailBody(string Detail);

/// <summary>Builds error responses in whichever shape <see cref="FakeSettings.ErrorShape"/> selects.</summary>
public static class Errors
{
    public static IResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, "Not Found", detail);

    public static IResult BadRequest(string detail) => Problem(StatusCodes.Status400BadRequest, "Bad Request", detail);

    public static IResult Unauthorized(string detail) => Problem(StatusCodes.Status401Unauthorized, "Unauthorized", detail);

    public static IResult Forbidden(string detail) => Problem(StatusCodes.Status403Forbidden, "Forbidden", detail);

    public static IResult Validation(IReadOnlyList<FieldError> errors) => new ErrorResult(422, "Validation Error", "Request validation failed", errors);

    public static IResult Validation(string field, string msg, string type = "value_error") =>
        Validation([new FieldError(["body", field], msg, type)]);

    public static IResult Problem(int status, string title, string? detail) => new ErrorResult(status, title, detail, null);

    /// <summary>Writes an error directly (used by middleware, outside endpoint results).</summary>
    public static Task WriteAsync(HttpContext context, int status, string title, string? detail) =>
        new ErrorResult(status, title, detail, null).ExecuteAsync(context);

    private sealed class ErrorResult(int status, string title, string? detail, IReadOnlyList<FieldError>? errors) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            var settings = context.RequestServices.GetRequiredService<FakeSettings>();
            context.Response.StatusCode = status;
            if (settings.ErrorShape == ErrorShape.FastApi)
            {
                context.Response.ContentType = "application/json";
                object body = errors is not null
                    ? new FastApiValidationBody(errors)
                    : new FastApiDetailBody(detail ?? title);
                await context.Response.WriteAsync(FakeJson.Serialize(body));
                return;
            }

            context.Response.ContentType = "application/problem+json";
            var problem = new ProblemDetailBody("about:blank", title, status, detail, context.Request.Path.Value ?? "", errors);
            await context.Response.WriteAsync(FakeJson.Serialize(problem));
        }
    }
}
