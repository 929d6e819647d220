using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace RootCause.Server.Tests.Integration;

internal static class Payloads
{
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent Alertmanager(string service, DateTimeOffset startsAt, string status = "firing", string alertname = "FrontendLatencyHigh") => Json($$"""
        {
          "receiver": "rootcause",
          "status": "{{status}}",
          "alerts": [
            {
              "status": "{{status}}",
              "labels": { "alertname": "{{alertname}}", "service": "{{service}}", "severity": "page" },
              "annotations": { "summary": "p99 latency above 500ms" },
              "startsAt": "{{startsAt.ToString("O", CultureInfo.InvariantCulture)}}",
              "endsAt": "0001-01-01T00:00:00Z",
              "generatorURL": "http://prometheus:9090/graph",
              "fingerprint": "0123456789abcdef"
            }
          ],
          "groupLabels": { "alertname": "{{alertname}}" },
          "commonLabels": { "alertname": "{{alertname}}", "service": "{{service}}", "severity": "page" },
          "commonAnnotations": {},
          "externalURL": "http://alertmanager:9093",
          "version": "4",
          "groupKey": "{}:{alertname=\"{{alertname}}\"}",
          "truncatedAlerts": 0
        }
        """);

    public static ByteArrayContent Raw(byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }
}
