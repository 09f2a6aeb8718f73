import groovy.json.JsonSlurper
import io.github.liveupdate.core.KeyIds
import io.github.liveupdate.testing.ItSupport
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider
import software.amazon.awssdk.regions.Region
import software.amazon.awssdk.services.iam.IamClient

// Groovy prints the values of a failed assert's expression, so no assert below names the log text, a full
// key id or a secret: each is checked through a boolean or the logged closure.
def name = 'liveupdate-game-bucket'
try {
    def endpoint = ItSupport.endpoint(basedir)
    def log = new File(basedir, 'build.log').text
    def logged = { String text -> log.contains(text) }

    // IAM never returns a secret again, but moto's state dump does: check the log against the real secrets.
    def state = new JsonSlurper().parse(new URL("${endpoint}/moto-api/data.json"))
    def secrets = state.iam.AccessKey*.secret_access_key.findAll { it }
    assert !secrets.isEmpty() : 'moto listed no access key secrets, so the secret check would prove nothing'
    def leaked = secrets.any { log.contains(it) }
    assert !leaked : 'build.log contains the secret access key'

    assert logged("IAM policy ${name}: created") : 'build.log lacks the policy step'
    assert logged("IAM user ${name}: created") : 'build.log lacks the user step'
    assert logged("Policy ${name} attached to IAM user ${name}: created") : 'build.log lacks the attachment step'

    def iam = IamClient.builder()
            .region(Region.AWS_GLOBAL)
            .endpointOverride(URI.create(endpoint))
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create('testing', 'testing')))
            .build()
    try {
        def users = iam.listUsers().users()*.userName()
        assert users == [name] : "expected one IAM user ${name}, found ${users}"
        def userTags = iam.getUser { it.userName(name) }.user().tags().collectEntries { [it.key(), it.value()] }
        assert userTags['created-by'] == 'liveupdate-maven-plugin' : "user tags lack created-by: ${userTags}"
        assert userTags['liveupdate-bucket'] == 'game-bucket' : "user tags lack liveupdate-bucket: ${userTags}"

        def attached = iam.listAttachedUserPolicies { it.userName(name) }.attachedPolicies()
        assert attached*.policyName() == [name] : "expected policy ${name} attached, found ${attached*.policyName()}"
        def policy = iam.getPolicy { it.policyArn(attached[0].policyArn()) }.policy()
        def policyTags = policy.tags().collectEntries { [it.key(), it.value()] }
        assert policyTags['created-by'] == 'liveupdate-maven-plugin' : "policy tags lack created-by: ${policyTags}"
        assert policyTags['liveupdate-bucket'] == 'game-bucket' : "policy tags lack liveupdate-bucket: ${policyTags}"
        def stored = iam.getPolicyVersion { it.policyArn(policy.arn()).versionId(policy.defaultVersionId()) }
                .policyVersion().document()
        def text = stored.startsWith('{') ? stored : URLDecoder.decode(stored.replace('+', '%2B'), 'UTF-8')
        def statements = new JsonSlurper().parseText(text).Statement
        assert statements.size() == 4 : "expected 4 policy statements, found ${statements.size()}"
        def byAction = statements.collectEntries { [it.Action, it] }
        assert byAction.keySet() == ['s3:ListAllMyBuckets', 's3:GetBucketAcl', 's3:ListBucket', 's3:PutObject'] as Set :
                "unexpected policy actions ${byAction.keySet()}"
        assert byAction['s3:ListAllMyBuckets'].Resource == 'arn:aws:s3:::*' : 'ListAllMyBuckets is not on every bucket'
        assert byAction['s3:GetBucketAcl'].Resource == 'arn:aws:s3:::game-bucket' : 'GetBucketAcl is not on the bucket'
        assert byAction['s3:ListBucket'].Resource == 'arn:aws:s3:::game-bucket' : 'ListBucket is not on the bucket'
        assert byAction['s3:ListBucket'].Condition.StringLike.'s3:prefix' == 'game/v1/*' :
                'ListBucket is not limited to the prefix'
        assert byAction['s3:PutObject'].Resource == 'arn:aws:s3:::game-bucket/game/v1/*' :
                'PutObject is not limited to the prefix'

        def keys = iam.listAccessKeys { it.userName(name) }.accessKeyMetadata()
        assert keys.size() == 1 : "expected one access key, found ${keys.size()}"
        def keyId = keys[0].accessKeyId()
        def maskedLine = log.contains("Access key ${KeyIds.mask(keyId)} of IAM user ${name}: created")
        assert maskedLine : 'build.log lacks the key step with the masked id of the new key'
        def fullIdLogged = log.contains(keyId)
        assert !fullIdLogged : 'build.log contains the full access key id'
    } finally {
        iam.close()
    }
    // The invoker prints a script's value, so the script returns true rather than its last expression.
    return true
} finally {
    ItSupport.stop(basedir)
}
