using Handoff.FakeDevin.Infrastructure;
using Handoff.FakeDevin.State;

namespace Handoff.FakeDevin.Storage;

/// <summary>
/// The second listener, standing in for S3: serves attachment bytes at the "pre-signed" URL the API's
/// 307 points to. Like S3 it needs no Authorization and refuses a request that carries one.
/// </summary>
internal static class StorageApp
{
    public static void Map(WebApplication app, FakeState state, FakeSettings settings)
    {
        app.MapGet("/blobs/{uuid}/{**name}", async (HttpContext context, string uuid) =>
        {
            var response = context.Response;
            if (settings.StorageRejectsAuthorization && context.Request.Headers.ContainsKey("Authorization"))
            {
                await S3Error(response, 400, "InvalidArgument", "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter or the Authorization header should be specified");
                return;
            }
            if (string.IsNullOrEmpty(context.Request.Query["X-Amz-Signature"]))
            {
                await S3Error(response, 403, "AccessDenied", "Request is missing the signature");
                return;
            }
            var attachment = state.FindAttachment(uuid);
            if (attachment is null)
            {
                await S3Error(response, 404, "NoSuchKey", "The specified key does not exist.");
                return;
            }

            response.StatusCode = 200;
            response.ContentType = attachment.ContentType ?? "application/octet-stream";
            response.ContentLength = attachment.Content.Length;
            if (settings.StorageDropsMidBody)
            {
                await response.Body.WriteAsync(attachment.Content.AsMemory(0, attachment.Content.Length / 2));
                await response.Body.FlushAsync();
                context.Items[FaultControl.DroppedMarker] = true;
                context.Abort();
                return;
            }
            await response.Body.WriteAsync(attachment.Content);
        });
        app.MapFallback(async context => await S3Error(context.Response, 404, "NoSuchKey", "The specified key does not exist."));
    }

    private static Task S3Error(HttpResponse response, int status, string code, string message)
    {
        response.StatusCode = status;
        response.ContentType = "application/xml";
        return response.WriteAsync($"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>{code}</Code><Message>{message}</Message></Error>");
    }
}
