namespace RootCause.Contracts;

public enum Direction
{
    Up,
    Down,
}
