using System.Text;
using RootCause.Agent.Protocols.Postgres;

namespace RootCause.Agent.Tests.Protocols.Postgres;

public sealed class StatementKindTests
{
    [Theory]
    [InlineData("SELECT id, name FROM products ORDER BY id LIMIT $1 OFFSET $2", "SELECT")]
    [InlineData("  select 1", "SELECT")]
    [InlineData("insert into t values (1)", "INSERT")]
    [InlineData("UPDATE t SET a = 1", "UPDATE")]
    [InlineData("DELETE FROM t", "DELETE")]
    [InlineData("begin", "BEGIN")]
    [InlineData("COMMIT", "COMMIT")]
    [InlineData("ROLLBACK", "ROLLBACK")]
    [InlineData("CREATE TABLE IF NOT EXISTS products (id int PRIMARY KEY)", "CREATE")]
    [InlineData("SELECT pg_advisory_xact_lock(1); CREATE TABLE t (a int)", "SELECT")]
    [InlineData("-- the catalog page\n/* hint */ SELECT 1", "SELECT")]
    [InlineData("(SELECT 1) UNION (SELECT 2)", "SELECT")]
    [InlineData("WITH moved AS (DELETE FROM a RETURNING *) INSERT INTO b SELECT * FROM moved", "INSERT")]
    [InlineData("WITH RECURSIVE t(n) AS (VALUES (1) UNION ALL SELECT n + 1 FROM t WHERE n < 5) SELECT sum(n) FROM t", "SELECT")]
    [InlineData("WITH x AS (SELECT ')' AS p) UPDATE t SET p = (SELECT p FROM x)", "UPDATE")]
    [InlineData("WITH x AS (SELECT 1", "WITH")]
    [InlineData("VACUUM ANALYZE t", "VACUUM")]
    [InlineData("DISCARD ALL", "DISCARD")]
    [InlineData("", "QUERY")]
    [InlineData("   ", "QUERY")]
    [InlineData("SELECTED", "QUERY")]
    [InlineData("drop_everything()", "QUERY")]
    [InlineData("'; DROP TABLE students; --", "QUERY")]
    public void The_kind_is_the_first_known_command(string sql, string kind)
    {
        Assert.Equal(kind, StatementKind.Of(Encoding.UTF8.GetBytes(sql)));
    }

    [Fact]
    public void Statement_text_never_becomes_an_operation_name()
    {
        var random = new Random(3);
        var kinds = new HashSet<string>();
        for (var i = 0; i < 2_000; i++)
        {
            var bytes = new byte[random.Next(0, 64)];
            random.NextBytes(bytes);
            kinds.Add(StatementKind.Of(bytes));
        }

        Assert.Equal(["QUERY"], kinds);
    }
}
