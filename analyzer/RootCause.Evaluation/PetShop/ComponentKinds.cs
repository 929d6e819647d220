using RootCause.Contracts;

namespace RootCause.Evaluation.PetShop;

/// <summary>
/// What a PetShop component is, from its name. The names are X-Ray/CloudWatch node names: "&lt;name&gt;_&lt;AWS type&gt;"
/// for AWS resources, "&lt;host&gt;_remote" for endpoints the application called by address, "&lt;name&gt;_client" for
/// callers seen only from the client side, and bare names for the application's own services.
/// </summary>
internal static class ComponentKinds
{
    // AWS APIs the application uses as a client; neither our code nor something we can fix from inside.
    private static readonly string[] ManagedApis =
    [
        "AWS::STS", "AWS::SSM", "AWS::SimpleSystemsManagement", "AWS::AWSSimpleSystemsManagement", "AWS::SimpleNotificationService",
        "AWS::StepFunctions", "AWS::Evidently", "AWS::S3", "execute-api.", "amazon.com_remote", "169.254.170.2_remote",
    ];

    public static ServiceKind Of(string component)
    {
        if (Has(component, "AWS::DynamoDB") || Has(component, "Database::SQL") || Has(component, "rds.amazonaws.com") || Has(component, "PGSQL"))
        {
            return ServiceKind.Database;
        }

        if (Has(component, "AWS::SQS"))
        {
            return ServiceKind.Queue;
        }

        // The state machine is PetShop's own workflow (it runs the price lambdas), not a managed endpoint.
        if (Has(component, "AWS::StepFunctions::StateMachine"))
        {
            return ServiceKind.Service;
        }

        if (ManagedApis.Any(m => Has(component, m)) || component.EndsWith("_remote", StringComparison.Ordinal))
        {
            return ServiceKind.External;
        }

        return ServiceKind.Service;
    }

    private static bool Has(string component, string part) => component.Contains(part, StringComparison.OrdinalIgnoreCase);
}
