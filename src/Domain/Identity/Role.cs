namespace EnSakITaget.Domain.Identity;

public enum Role
{
    /// <summary>Runs the instance: creates counties and their administrators. Not bound to a library.</summary>
    Administrator,

    /// <summary>Acts on one county and everything under it.</summary>
    CountyAdmin,

    /// <summary>Acts on one municipal library organisation and its units.</summary>
    Coordinator,

    /// <summary>Acts on their own records; bound to the library they work at.</summary>
    Participant,
}
