import io.github.liveupdate.testing.ItAws
import io.github.liveupdate.testing.ItSupport

ItSupport.start(basedir, context)
// Another team's bucket in the same account, which the new key must not write to.
ItAws.s3(basedir).withCloseable { s3 ->
    s3.createBucket { it.bucket('other-team-bucket').createBucketConfiguration { c -> c.locationConstraint('eu-west-1') } }
}
return true
